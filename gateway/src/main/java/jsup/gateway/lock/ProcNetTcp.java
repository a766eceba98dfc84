package jsup.gateway.lock;

import java.util.HashSet;
import java.util.Set;

/**
 * Parses {@code /proc/net/tcp} and {@code /proc/net/tcp6}: one socket per line,
 * {@code sl local_address rem_address st ... inode}, addresses as {@code HEXADDR:HEXPORT}.
 */
final class ProcNetTcp {

    /** Socket state 0A is TCP_LISTEN. */
    private static final String LISTEN = "0A";

    private ProcNetTcp() {
    }

    /** The inodes of the sockets listening on {@code port} (any address). */
    static Set<Long> listeningInodes(String content, int port) {
        Set<Long> inodes = new HashSet<>();
        String[] lines = content.split("\n");
        for (int i = 1; i < lines.length; i++) { // line 0 is the header
            String[] f = lines[i].trim().split("\\s+");
            if (f.length < 10 || !f[3].equals(LISTEN)) {
                continue;
            }
            int colon = f[1].lastIndexOf(':');
            if (colon < 0) {
                continue;
            }
            try {
                if (Integer.parseInt(f[1].substring(colon + 1), 16) == port) {
                    long inode = Long.parseLong(f[9]);
                    if (inode != 0) {
                        inodes.add(inode);
                    }
                }
            } catch (NumberFormatException e) {
                // a malformed line says nothing about the port
            }
        }
        return inodes;
    }
}
