package jsup.supervisor.config;

import java.util.Locale;

/** Which command-line arguments name an ecosystem file rather than a script to run, by PM2's rule. */
public final class EcosystemFiles {

    private EcosystemFiles() {
    }

    /**
     * {@code .json} (and {@code .json5}), {@code .yaml}/{@code .yml}, and JavaScript named {@code *.config.js},
     * {@code *.config.cjs} or {@code *.config.mjs} as PM2 requires ({@code Common.isConfigFile}); any other
     * {@code .js} is a script.
     */
    public static boolean looksLikeEcosystem(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".json") || lower.endsWith(".json5") || lower.endsWith(".yaml") || lower.endsWith(".yml")
                || lower.endsWith(".config.js") || lower.endsWith(".config.cjs") || lower.endsWith(".config.mjs");
    }
}
