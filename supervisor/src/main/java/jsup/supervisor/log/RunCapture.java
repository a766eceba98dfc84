package jsup.supervisor.log;

import java.util.concurrent.CompletableFuture;

/**
 * The capture of one run's output, as log capture hands it to whoever starts the child: the write ends
 * of the pipes it reads. It never starts a process itself.
 */
public interface RunCapture {

    /**
     * jsupd's descriptor of the write end the child's stdout must be on; -1 when this capture instead
     * reads the pipes {@link ProcessBuilder} makes (the streams of the process handed to {@link #started}).
     */
    int outFd();

    /** As {@link #outFd()}, for stderr. */
    int errFd();

    /**
     * The child runs on these pipes: jsupd's copies of the write ends are closed (so EOF comes when the
     * child's side closes) and reading begins.
     *
     * @return completes once both pipes are at EOF and every byte was handed to the OS, or exceptionally
     *         when output could not be read or written (the message says how much)
     */
    CompletableFuture<Void> started(Process process);

    /** The child could not start: closes both pipes. */
    void abandon();
}
