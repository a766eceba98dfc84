package jsup.supervisor.log;

/** The start time of a child this package started, as read at its spawn. */
public final class StartTimes {

    private StartTimes() {
    }

    /**
     * Field 22 of the child's {@code /proc/<pid>/stat}, read by {@link NativeSpawner} before the child
     * could be reaped (so surely its own), or -1 when not known: a child {@link ProcessBuilder} started,
     * or {@code /proc} unreadable at the spawn.
     */
    public static long atSpawn(Process process) {
        return process instanceof NativeProcess n ? n.startTime() : -1;
    }
}
