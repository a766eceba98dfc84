/**
 * One gateway per config: an OS lock held for the process's life, with the owner file in
 * upstream's format and place, and the message that names which process listens on a port the gateway cannot bind (found by healthmon's
 * {@link jsup.healthmon.proc.PortOwners}).
 *
 * <p>Reads {@code /proc} through {@link jsup.healthmon.proc.ProcFs} (so tests can point it at
 * fixture files) and writes only the lock files. Never signals or stops another process: a live
 * holder is named, not killed.
 */
package jsup.gateway.lock;
