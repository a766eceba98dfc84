/**
 * Config reload: ONE watch on the config file's folder (which also sees the {@code .env} beside
 * it), falling back to polling the files' modification times when the watch cannot be created or
 * fails (inotify exhausted: ENOSPC), then re-read, validate, and apply or keep the running config.
 * Never hangs, never throws into its caller.
 *
 * <p>Depends on {@link jsup.gateway.config}. What a change means for running components is the
 * {@link jsup.gateway.reload.ReloadListener}'s business (the app restarts the Telegram channel).
 */
package jsup.gateway.reload;
