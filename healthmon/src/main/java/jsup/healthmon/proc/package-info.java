/**
 * Readers of Linux's {@code /proc}: the one seam ({@link jsup.healthmon.proc.ProcFs}) through which jsup
 * looks at processes, their trees, memory, start times, file descriptors and kernel limits, plus
 * what is built on it: inotify use and limits ({@link jsup.healthmon.proc.InotifyScanner}), the TCP
 * socket tables ({@link jsup.healthmon.proc.ProcNetTcp}), who listens on a port
 * ({@link jsup.healthmon.proc.PortOwners}) and the host's CPU, memory, load and disk
 * ({@link jsup.healthmon.proc.HostUsageReader}, for {@code jsup monit}).
 *
 * <p>Everything here only reads. The root folder is a constructor parameter so tests can point a
 * {@code ProcFs} at fixture files. Nothing in this package starts, signals or restarts a process.
 */
package jsup.healthmon.proc;
