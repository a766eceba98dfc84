package jsup.healthmon.proc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names the processes listening on a TCP port: LISTEN rows of {@code /proc/net/tcp} and
 * {@code tcp6} give socket inodes, and {@code /proc/<pid>/fd} links {@code socket:[inode]} give
 * the pids. Used by {@code jsup doctor} and by the gateway to say who holds a port it cannot bind.
 *
 * <p>A lookup lists the fds of every process, so it is for occasional questions, not a loop.
 */
public final class PortOwners {

    private final ProcFs procFs;
    private final ProcNetTcp tables;

    public PortOwners(ProcFs procFs) {
        this.procFs = procFs;
        this.tables = new ProcNetTcp(procFs);
    }

    /**
     * Every process listening on {@code port}, on any address, IPv4 or IPv6. A socket shared by
     * several processes (a forking server) yields one holder per process; a socket whose owner is
     * not visible yields one holder with pid -1. Empty when nothing listens.
     */
    public List<PortHolder> holders(int port) {
        List<TcpSocketEntry> sockets = new ArrayList<>();
        for (TcpSocketEntry e : tables.listeners()) {
            if (e.localPort() == port) {
                sockets.add(e);
            }
        }
        if (sockets.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Integer>> pidsByInode = pidsHolding(sockets);
        List<PortHolder> holders = new ArrayList<>();
        for (TcpSocketEntry socket : sockets) {
            List<Integer> pids = pidsByInode.getOrDefault(socket.inode(), List.of());
            if (pids.isEmpty()) {
                holders.add(new PortHolder(port, socket.localEndpoint(), socket.inode(), -1,
                        "unknown process (socket inode " + socket.inode()
                                + " is in no visible /proc/<pid>/fd; run as root to see every process)"));
            }
            for (int pid : pids) {
                holders.add(new PortHolder(port, socket.localEndpoint(), socket.inode(), pid,
                        procFs.commandLine(pid).orElse("exited")));
            }
        }
        return holders;
    }

    private Map<Long, List<Integer>> pidsHolding(List<TcpSocketEntry> sockets) {
        Map<String, Long> wanted = new HashMap<>();
        for (TcpSocketEntry s : sockets) {
            wanted.put("socket:[" + s.inode() + "]", s.inode());
        }
        Map<Long, List<Integer>> found = new HashMap<>();
        for (int pid : procFs.pids()) {
            for (String target : procFs.fdTargets(pid).values()) {
                Long inode = wanted.get(target);
                if (inode != null) {
                    List<Integer> pids = found.computeIfAbsent(inode, k -> new ArrayList<>());
                    if (!pids.contains(pid)) {
                        pids.add(pid);
                    }
                }
            }
        }
        return found;
    }
}
