/**
 * Log capture for supervised apps: a child's stdout and stderr read into {@code out_file},
 * {@code error_file} and the optional combined {@code log_file}, with optional timestamps and
 * built-in size-based rotation ({@code log_max_size}, {@code log_retain}, {@code log_compress}).
 *
 * <p>Entry points: {@link jsup.supervisor.log.AppLog} (one per app, lives across restarts) and
 * {@link jsup.supervisor.log.RotatingFileWriter} (any append-only text log, e.g. jsupd's own files).
 *
 * <p>Data path: one thread for every app, {@code log-selector} ({@code PipeSelector}), reads raw bytes
 * from the pipes jsupd made for each child and writes the whole lines of each read straight into the
 * files ({@code LineCutter} keeps each pipe's half line); no writer thread, no queue. Apps whose logs
 * are FIFOs or devices, or a JVM where the selector cannot be used, get a {@code PipePump} thread per
 * pipe instead. A quiet app holds no buffer and no open log file ({@code RotatingFileWriter#release});
 * 64 KiB read buffers are lent from a small shared pool ({@code ReadBuffers}). Rotated files are
 * gzipped on a shared background thread ({@code log-gzip}).
 *
 * <p>Log capture never starts a process: {@link jsup.supervisor.log.AppLog#capture()} opens one run's
 * pipes and hands their write ends ({@link jsup.supervisor.log.RunCapture}) to the process package, which
 * starts the child on them and gives the process back ({@code RunCapture#started}).
 *
 * <p>May touch: the log files and their folders, and the read ends of the children's stdout/stderr
 * pipes (and their write ends until the child runs). Nothing else: no process, no other app's files.
 * Imports config ({@code AppSpec}, {@code LogDateFormat}); never the process package or the engine.
 */
package jsup.supervisor.log;
