/**
 * healthmon: health blocks ({@link jsup.healthmon.HealthSpec}), the per-app probe schedule
 * ({@link jsup.healthmon.HealthMonitor}) and its listener, the pure failure counting
 * ({@link jsup.healthmon.ThresholdTracker}) and the health log line format.
 *
 * <p>Sub-packages: {@code probe} (tcp, http, exec checks), {@code proc} ({@code /proc} readers:
 * processes, inotify use and limits, TCP listeners and their owners), {@code doctor}
 * ({@code jsup doctor} checks as a library).
 *
 * <p>This module only observes and reports: a probe returns a result, a schedule hands results to a
 * listener. It never starts, signals or restarts a supervised process; the supervisor (jsupd)
 * decides what to do with a result. It depends on nothing else in jsup.
 */
package jsup.healthmon;
