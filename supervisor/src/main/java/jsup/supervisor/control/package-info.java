/**
 * The control protocol between {@code jsup} (and the gateway) and jsupd: newline-delimited JSON over
 * the Unix-domain socket {@code $JSUP_HOME/jsup.sock}. The wire format is specified in
 * {@code docs/control-protocol.md}.
 *
 * <p>{@link jsup.supervisor.control.ControlServer} frames requests and responses and hands each request
 * to a {@link jsup.supervisor.control.CommandHandler}; it knows nothing about apps.
 * {@link jsup.supervisor.control.ControlClient} is the client side. The client path touches only the JDK
 * and Jackson (no logging framework, no engine classes) so a short-lived CLI starts fast. Nothing
 * here starts, stops or signals a process.
 */
package jsup.supervisor.control;
