/**
 * Pre-start hooks ({@code pre_start}), run in order before every start and restart of an app:
 * commands ({@code {"run": …, "timeout": …}}) and the built-in {@code clear_stale_locks}.
 *
 * <p>Entry points: {@link jsup.supervisor.prestart.PreStartRunner} and
 * {@link jsup.supervisor.prestart.StaleLocks} (the lock staleness rules, reusable by others).
 *
 * <p>May touch: child processes it starts itself (and their process groups, to kill them on a
 * timeout), files matching an app's {@code clear_stale_locks} glob, and {@code /proc} through
 * {@link jsup.healthmon.proc.ProcFs}. It never signals a process it did not start.
 */
package jsup.supervisor.prestart;
