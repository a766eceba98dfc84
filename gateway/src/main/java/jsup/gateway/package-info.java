/**
 * The gateway's command line (picocli): {@code gateway run}, {@code models status},
 * {@code channels status} and {@code config validate}, built by the one factory
 * {@link jsup.gateway.GatewayCli#create()}; {@link jsup.gateway.Main} is the jar's entry point.
 *
 * <p>Commands parse options, call into {@link jsup.gateway.app} / {@link jsup.gateway.config} /
 * {@link jsup.gateway.model}, print, and return an exit code from
 * {@link jsup.gateway.app.ExitCodes}. Only {@link jsup.gateway.Main} calls {@code System.exit}
 * (and {@code gateway run}'s shutdown hook, which must set the exit code of a signalled JVM).
 */
package jsup.gateway;
