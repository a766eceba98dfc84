/**
 * Readiness and the watchdog: systemd's notify protocol ({@link jsup.supervisor.readiness.NotifySocket},
 * {@link jsup.supervisor.readiness.NotifyMessage}) and the per-run decisions on it
 * ({@link jsup.supervisor.readiness.ReadinessTracker}, {@link jsup.supervisor.readiness.Watchdog}), pure with
 * the time passed in. The engine owns one tracker per app and acts on its verdicts.
 */
package jsup.supervisor.readiness;
