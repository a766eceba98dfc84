/**
 * jsupd's own log file, {@code jsupd.log} ({@link jsup.supervisor.daemonlog.JsupdLog}). A package of its
 * own so every layer that reports to it (the engine, the control server, the daemon) may use it without
 * reaching into another's internals. Imports only the JDK; touches only {@code jsupd.log} and its
 * rotated copies, or stderr before it is configured.
 */
package jsup.supervisor.daemonlog;
