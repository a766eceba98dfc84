/**
 * Listening sockets jsupd holds for apps ({@code sockets} in the ecosystem file): bound once, passed to every
 * run with systemd's socket-activation protocol ({@code LISTEN_FDS}, {@code LISTEN_PID}, {@code LISTEN_FDNAMES},
 * fds from 3), so a restart refuses no connection: they wait in the kernel's backlog for the next run.
 * {@link jsup.supervisor.sockets.HeldSockets} owns them; {@code process.OsChildLauncher} asks it for a
 * {@link jsup.supervisor.sockets.SocketHandover} at every launch.
 */
package jsup.supervisor.sockets;
