/**
 * What jsupd measures of its apps and itself, in one shape for every reader:
 * {@link jsup.supervisor.metrics.AppFigures} (computed by the daemon, shown by {@code list --json} and
 * {@code /metrics}), {@link jsup.supervisor.metrics.RestartCause}, and the Prometheus side,
 * {@link jsup.supervisor.metrics.PrometheusExposition} and {@link jsup.supervisor.metrics.MetricsRoute},
 * loaded only while the listener runs, with a text-format writer of their own ({@code TextFormat}).
 */
package jsup.supervisor.metrics;
