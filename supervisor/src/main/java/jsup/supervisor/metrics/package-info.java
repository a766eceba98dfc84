/**
 * What jsupd measures of its apps and itself, in one shape for every reader:
 * {@link jsup.supervisor.metrics.AppFigures} (computed by the daemon, shown by {@code list --json} and
 * {@code /metrics}), {@link jsup.supervisor.metrics.RestartCause}, and the Prometheus side,
 * {@link jsup.supervisor.metrics.PrometheusExposition}, {@code JsupdCollector} and
 * {@link jsup.supervisor.metrics.MetricsRoute}, which use the official Prometheus Java client and are
 * loaded only while the listener runs.
 */
package jsup.supervisor.metrics;
