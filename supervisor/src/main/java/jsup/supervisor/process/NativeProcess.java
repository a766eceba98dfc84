package jsup.supervisor.process;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jsup.healthmon.proc.ProcFs;

/**
 * A child started by {@link NativeSpawner}, seen through the {@link Process} API so the rest of jsup
 * handles it like any other. Its output goes to the pipes it was started on, so its streams here are
 * empty; its exit arrives from the spawner's reaper thread, and {@link #onExit()} completes on that
 * thread (no hop through a pool).
 */
final class NativeProcess extends Process {

    private final int pid;
    /** Read before the reaper knew of this child, so before anyone could reap it: -1 if unreadable. */
    private final long startTime;
    /** A pidfd opened at the same moment, so signals reach this child only; -1 without (closed at the exit). */
    private int pidfd;
    /** Taken at the start, while the pid is surely this child's: the JDK's own Process keeps one too. */
    private final ProcessHandle handle;
    private final CompletableFuture<Process> exit = new CompletableFuture<>();
    private volatile int exitValue;

    NativeProcess(int pid) {
        this(pid, -1, -1);
    }

    NativeProcess(int pid, long startTime, int pidfd) {
        this.pid = pid;
        this.startTime = startTime;
        this.pidfd = pidfd;
        this.handle = ProcessHandle.of(pid).orElse(null);
    }

    long startTime() {
        return startTime;
    }

    /** Called once, by the reaper, with the status {@code waitpid} gave. */
    void exited(int waitStatus) {
        exitValue = ProcFs.exitValueOf(waitStatus);
        releasePidfd();
        exit.complete(this);
    }

    /** Called once, by the reaper, when someone else reaped this child: the exit value is unknown (-1). */
    void lost() {
        exitValue = -1;
        releasePidfd();
        exit.complete(this);
    }

    private synchronized void releasePidfd() {
        if (pidfd >= 0) {
            Pidfd.release(pidfd);
            pidfd = -1;
        }
    }

    /**
     * Sends signal {@code number} to this child while it has not been reaped: through its pidfd where
     * there is one (it can reach no other process), else by pid (not reaped yet, so still its own).
     *
     * @return whether it was sent
     */
    synchronized boolean signal(int number) {
        if (!isAlive()) {
            return false;
        }
        if (pidfd >= 0) {
            return Pidfd.signal(pidfd, number);
        }
        return number == 15 ? handle != null && handle.destroy()
                : number == 9 ? handle != null && handle.destroyForcibly()
                : false;
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public boolean isAlive() {
        return !exit.isDone();
    }

    @Override
    public int exitValue() {
        if (!exit.isDone()) {
            throw new IllegalThreadStateException("process " + pid + " has not exited");
        }
        return exitValue;
    }

    @Override
    public int waitFor() throws InterruptedException {
        try {
            exit.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return exitValue;
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        try {
            exit.get(timeout, unit);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public CompletableFuture<Process> onExit() {
        return exit.copy();
    }

    @Override
    public void destroy() {
        signal(15);
    }

    @Override
    public Process destroyForcibly() {
        signal(9);
        return this;
    }

    @Override
    public boolean supportsNormalTermination() {
        return true;
    }

    @Override
    public ProcessHandle toHandle() {
        if (handle == null) {
            throw new IllegalStateException("process " + pid + " ended before it could be looked at");
        }
        return handle;
    }

    @Override
    public OutputStream getOutputStream() {
        return OutputStream.nullOutputStream();
    }

    @Override
    public InputStream getInputStream() {
        return InputStream.nullInputStream();
    }

    @Override
    public InputStream getErrorStream() {
        return InputStream.nullInputStream();
    }

    @Override
    public String toString() {
        return "NativeProcess[pid=" + pid + ", " + (isAlive() ? "alive" : "exitValue=" + exitValue) + "]";
    }
}
