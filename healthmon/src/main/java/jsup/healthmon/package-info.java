/**
 * healthmon: probes (tcp, http, exec) and {@code /proc} readers (inotify usage, limits).
 *
 * <p>This module only observes and reports: a probe returns a result, a schedule hands results to a
 * listener. It never starts, signals or restarts a process; the supervisor (jsupd) decides what to
 * do with a result. It depends on nothing else in jsup.
 */
package jsup.healthmon;
