package jsup.cli.doctor;

/**
 * A TCP port on this machine that an app's health probe points at, so the app is expected to listen
 * on it.
 *
 * @param port  the port
 * @param probe the probe that names it, e.g. {@code tcp 127.0.0.1:18789}
 */
public record ConfiguredPort(int port, String probe) {
}
