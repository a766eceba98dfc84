/**
 * Restart on file changes ({@code watch}, {@code ignore_watch}, {@code watch_delay}). {@link
 * jsup.supervisor.watch.AppWatch} watches one app's paths with one inotify instance ({@link
 * jsup.supervisor.watch.InotifyTreeWatcher}), recursive, ignores applied before a folder gets a watch,
 * and falls back to scanning modification times ({@link jsup.supervisor.watch.PollingTreeWatcher}) when the
 * kernel's inotify limits are exhausted. {@link jsup.supervisor.watch.Watches} holds every app's.
 */
package jsup.supervisor.watch;
