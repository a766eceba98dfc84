/**
 * One gateway per config: the PID + start-time lock file in upstream's format and place, and, for
 * the message when the port is taken, a small reader of {@code /proc/net/tcp{,6}} and
 * {@code /proc/<pid>/fd} that finds which process listens on a port.
 *
 * <p>Reads {@code /proc} through {@link jsup.healthmon.proc.ProcFs} (so tests can point it at
 * fixture files) and writes only the lock file. Never signals or stops another process: a live
 * holder is named, not killed.
 */
package jsup.gateway.lock;
