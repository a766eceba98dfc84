/**
 * {@code jsup logs}: reads app log files directly (paths come from jsupd): the last N lines, then new
 * lines as they are written, following the file across rotation (rename) and flush (truncation).
 * Knows the rotated copies' names and order only through {@code jsup.supervisor.log.RotatedFiles}.
 * Read-only: never writes, rotates or deletes a log file.
 */
package jsup.cli.logs;
