/**
 * The gateway's window on jsupd, the supervisor that runs it: {@link jsup.gateway.ops.SupervisorLink}
 * is what {@code /status}, {@code /logs} and {@code /restart} ask. Until the daemon's control
 * client exists, {@link jsup.gateway.ops.NoSupervisorLink} says honestly that jsupd is not reachable.
 *
 * <p>Depends on nothing else in the gateway. An implementation over jsupd's control socket
 * belongs here too.
 */
package jsup.gateway.ops;
