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
 * <p>Since the child must be started on the pipes the selector reads, the start happens here too:
 * {@code NativeSpawner} ({@code posix_spawn} through JNA, one {@code child-reaper} thread for every
 * exit: {@code ChildReaper}), or {@link java.lang.ProcessBuilder} where that cannot load.
 *
 * <p>May touch: the log files and their folders, the child's stdout/stderr pipes, and the start and
 * reaping of the children it starts, and signals to those children through the pidfds it opened at
 * their start ({@code Pidfd}). Nothing else: no other process, no other app's files.
 */
package jsup.supervisor.log;
