package jsup.cli.export;

/**
 * One file an export produces.
 *
 * @param name    the file name, e.g. {@code moltbot-gateway.service}
 * @param content its text
 * @param secret  whether it may hold secret values (written with mode 0600)
 */
public record ExportedFile(String name, String content, boolean secret) {
}
