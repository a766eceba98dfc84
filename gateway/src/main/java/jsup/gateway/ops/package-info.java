/**
 * The gateway's window on jsupd, the supervisor that runs it: {@link jsup.gateway.ops.SupervisorLink}
 * is what {@code /status}, {@code /logs} and {@code /restart} ask.
 * {@link jsup.gateway.ops.ControlSupervisorLink} talks to jsupd's control socket (one short
 * connection per call) and reads app logs straight from the files jsupd names;
 * {@link jsup.gateway.ops.NoSupervisorLink} says honestly that jsupd is not reachable.
 * {@link jsup.gateway.ops.SupervisedEnvironment} picks one from {@code JSUP_HOME} and
 * {@code JSUP_APP}, which jsupd sets for every app.
 *
 * <p>Depends only on the supervisor module's control client (no logging framework) and the JDK;
 * nothing else in the gateway. Reads log files; never writes anything.
 */
package jsup.gateway.ops;
