package jsup.supervisor.process;

/** What is known about a child this package started, beyond the {@link Process} API. */
final class SpawnedProcesses {

    private SpawnedProcesses() {
    }

    /**
     * Field 22 of the child's {@code /proc/<pid>/stat}, read by {@link NativeSpawner} before the child
     * could be reaped (so surely its own), or -1 when not known: a child {@link ProcessBuilder} started,
     * or {@code /proc} unreadable at the spawn.
     */
    static long startTime(Process process) {
        return process instanceof NativeProcess n ? n.startTime() : -1;
    }

    /**
     * Sends signal {@code number} to {@code process}, a child started here, while it is not reaped:
     * through its pidfd (opened at the spawn) where the kernel has them, so it can reach no other process.
     *
     * @return whether it was sent; false also for a process not started by {@link NativeSpawner} (the
     *         caller then signals it by pid, as it is still unreaped)
     */
    static boolean signal(Process process, int number) {
        return process instanceof NativeProcess n && n.signal(number);
    }
}
