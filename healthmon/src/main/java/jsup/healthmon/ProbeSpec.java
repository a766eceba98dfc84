package jsup.healthmon;

import java.net.URI;
import java.util.List;
import java.util.Set;

/** What one probe checks. A probe spec is a value; turning it into a running check is the prober's job. */
public sealed interface ProbeSpec {

    /** A short description for logs and restart reasons, e.g. {@code tcp 127.0.0.1:18789}. */
    String describe();

    /** Passes when a TCP connection to host:port opens within the timeout. */
    record Tcp(String host, int port) implements ProbeSpec {
        @Override
        public String describe() {
            return "tcp " + host + ":" + port;
        }
    }

    /**
     * Passes when a GET of {@code url} answers with a status in {@code statuses} (empty means any
     * 2xx) and, when {@code bodyContains} is not null, a body containing that text.
     */
    record Http(URI url, Set<Integer> statuses, String bodyContains) implements ProbeSpec {
        public Http {
            statuses = Set.copyOf(statuses);
        }

        @Override
        public String describe() {
            return "http " + jsup.healthmon.probe.HttpProbe.shown(url);
        }
    }

    /** Passes when the command exits 0 within the timeout. Run directly, not through a shell,
     *  unless the command itself is {@code sh -c ...}. */
    record Exec(List<String> command) implements ProbeSpec {
        public Exec {
            command = List.copyOf(command);
        }

        @Override
        public String describe() {
            return "exec " + String.join(" ", command);
        }
    }
}
