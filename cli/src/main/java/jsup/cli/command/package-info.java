/**
 * One picocli class per {@code jsup} command. Daemon commands say what to send to jsupd and how to
 * show the answer; {@code run} and {@code daemon} host the engine in this JVM. Commands fail only by
 * throwing {@link jsup.cli.ExitException}; they never call {@code System.exit}.
 */
package jsup.cli.command;
