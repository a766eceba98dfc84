package jsup.healthmon.proc;

/**
 * A process that listens on a TCP port.
 *
 * @param port        the port
 * @param endpoint    the listening address, e.g. {@code 127.0.0.1:18789} or {@code [::]:18789}
 * @param inode       the socket inode
 * @param pid         the holding process, or -1 when no visible process has the socket open (another
 *                    user's process seen without root, or another network namespace)
 * @param commandLine the holder's command line, or a sentence saying why it is unknown
 */
public record PortHolder(int port, String endpoint, long inode, int pid, String commandLine) {

    public boolean pidKnown() {
        return pid > 0;
    }

    /** {@code pid 4242 (node dist/entry.js gateway)}. */
    public String describe() {
        return pidKnown() ? "pid " + pid + " (" + commandLine + ")" : commandLine;
    }
}
