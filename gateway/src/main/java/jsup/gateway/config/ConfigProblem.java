package jsup.gateway.config;

/**
 * One thing wrong with (or, as a warning, odd about) the config.
 *
 * @param path    where, as a dotted JSON path ({@code channels.telegram.textChunkLimit},
 *                {@code agents.defaults.model.fallbacks[1]}), or {@code "(file)"} for the file itself
 * @param message what is wrong and how to fix it; never contains a secret value
 */
public record ConfigProblem(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
