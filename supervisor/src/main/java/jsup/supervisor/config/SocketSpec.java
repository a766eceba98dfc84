package jsup.supervisor.config;

import java.nio.file.Path;

/**
 * One listening socket jsupd holds for an app ({@code sockets}): bound once, passed to every run of the app
 * as systemd passes sockets (docs/config.md, {@code sockets}).
 *
 * @param name   the name the app sees in {@code LISTEN_FDNAMES} ({@code name}; default the app's name)
 * @param listen where it listens ({@code listen})
 */
public record SocketSpec(String name, Listen listen) {

    /** A TCP address or a Unix socket path. */
    public sealed interface Listen {
        /** As written back to a file and shown: {@code 127.0.0.1:8080}, {@code [::1]:8080} or the path. */
        String text();
    }

    /** TCP on an IP address; port 0 lets the kernel choose one (describe shows which). */
    public record Tcp(String host, int port) implements Listen {
        @Override
        public String text() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    /** A stream Unix socket at an absolute path, mode 0600. */
    public record Unix(Path path) implements Listen {
        @Override
        public String text() {
            return path.toString();
        }
    }
}
