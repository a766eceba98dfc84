/**
 * Readers of Linux's {@code /proc}: the one seam ({@link jsup.healthmon.proc.ProcFs}) through which jsup
 * looks at processes, their trees, memory, start times, file descriptors and kernel limits.
 *
 * <p>Everything here only reads. The root folder is a constructor parameter so tests can point a
 * {@code ProcFs} at fixture files. Nothing in this package starts, signals or restarts a process.
 */
package jsup.healthmon.proc;
