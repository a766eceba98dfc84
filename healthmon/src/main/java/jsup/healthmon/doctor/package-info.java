/**
 * {@code jsup doctor} checks as a library: one class per check, each returning a
 * {@link jsup.healthmon.doctor.CheckResult} with the fix spelled out.
 *
 * <p>Checks only read (through {@link jsup.healthmon.proc.ProcFs} and the file system). The one
 * exception is {@link jsup.healthmon.doctor.InotifySysctlFix}, which writes a sysctl file under a
 * given root and, when that root is {@code /} and we are root, applies it with {@code sysctl -p}.
 * Whether the daemon is reachable and its socket mode are checked by the CLI, not here.
 */
package jsup.healthmon.doctor;
