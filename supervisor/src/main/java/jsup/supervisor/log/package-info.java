/**
 * Log capture for supervised apps: a child's stdout and stderr pumped into {@code out_file},
 * {@code error_file} and the optional combined {@code log_file}, with optional timestamps and
 * built-in size-based rotation ({@code log_max_size}, {@code log_retain}, {@code log_compress}).
 *
 * <p>Entry points: {@link jsup.supervisor.log.AppLog} (one per app, lives across restarts) and
 * {@link jsup.supervisor.log.RotatingFileWriter} (any append-only text log, e.g. jsupd's own files).
 *
 * <p>Data path, per capture: one small-stack pump thread per pipe ({@code log-<app>-out},
 * {@code log-<app>-err}) reads raw bytes and writes the whole lines of each read straight into the
 * files; no writer thread, no queue. A quiet pipe's pump holds no buffer; 64 KiB read buffers are lent
 * from a small shared pool ({@code ReadBuffers}) while data flows. Rotated files are gzipped on a
 * shared background thread ({@code log-gzip}).
 *
 * <p>May touch: the log files and their folders, the child's stdout/stderr pipes. Nothing else:
 * no process control, no other app's files.
 */
package jsup.supervisor.log;
