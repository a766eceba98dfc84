/**
 * Files jsupd writes or removes on an app's behalf, done so that a symlink or another user cannot
 * redirect them: atomic replacement ({@link jsup.supervisor.files.AtomicFiles}), append-only log files
 * opened without following symlinks ({@link jsup.supervisor.files.NoFollowFiles}), and who counts as
 * jsupd's own user ({@link jsup.supervisor.files.ProcessUser}).
 *
 * <p>Depends on nothing else in jsup, so the engine, the daemon, log capture and the control socket
 * may all use it.
 */
package jsup.supervisor.files;
