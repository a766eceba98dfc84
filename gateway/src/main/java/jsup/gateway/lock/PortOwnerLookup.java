package jsup.gateway.lock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import jsup.healthmon.proc.ProcFs;

/**
 * Finds the process that listens on a TCP port: the listening socket's inode from
 * {@code /proc/net/tcp{,6}}, then the process whose {@code /proc/<pid>/fd} links to
 * {@code socket:[inode]}. Best effort: another user's process cannot be looked into, so the
 * answer may be empty even though the port is taken.
 */
public final class PortOwnerLookup {

    private static final int MAX_COMMAND = 200;

    private final ProcFs proc;

    public PortOwnerLookup(ProcFs proc) {
        this.proc = proc;
    }

    public Optional<PortOwner> find(int port) {
        Set<Long> inodes = new HashSet<>();
        for (String table : new String[] {"tcp", "tcp6"}) {
            try {
                inodes.addAll(ProcNetTcp.listeningInodes(Files.readString(proc.root().resolve("net").resolve(table)), port));
            } catch (IOException e) {
                // no IPv6 table on this host, or /proc not mounted: try the other one
            }
        }
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc.root(), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path pidDir : pids) {
                if (holdsAny(pidDir.resolve("fd"), inodes)) {
                    int pid = Integer.parseInt(pidDir.getFileName().toString());
                    return Optional.of(new PortOwner(pid, commandLine(pidDir)));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean holdsAny(Path fdDir, Set<Long> inodes) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path fd : fds) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException | UnsupportedOperationException e) {
                    continue;
                }
                if (target.startsWith("socket:[") && target.endsWith("]")) {
                    try {
                        if (inodes.contains(Long.parseLong(target.substring(8, target.length() - 1)))) {
                            return true;
                        }
                    } catch (NumberFormatException e) {
                        // not a socket inode
                    }
                }
            }
        } catch (IOException | SecurityException e) {
            return false; // another user's process, or it just exited
        }
        return false;
    }

    private static String commandLine(Path pidDir) {
        try {
            String cmd = new String(Files.readAllBytes(pidDir.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ').strip();
            return cmd.length() > MAX_COMMAND ? cmd.substring(0, MAX_COMMAND) + "..." : cmd;
        } catch (IOException e) {
            return "?";
        }
    }
}
