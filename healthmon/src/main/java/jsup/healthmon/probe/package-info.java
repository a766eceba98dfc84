/**
 * Probes: one check each ({@code tcp}, {@code http}, {@code exec}) that returns a
 * {@link jsup.healthmon.probe.ProbeResult} and has no say over restarts.
 *
 * <p>A probe may open sockets and run its own short-lived command (killed with its whole process
 * group on timeout); it never signals, starts or restarts a supervised app.
 */
package jsup.healthmon.probe;
