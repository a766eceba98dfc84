/**
 * The web dashboard (docs/dashboard.md), on jsupd's listener: {@link jsup.supervisor.web.dashboard.Dashboard}
 * wires its routes; logins and sessions ({@code LoginSessions}, {@code BrowserGuard}); the app table
 * and log tail as server-sent events ({@code AppTableRoute}, {@code LogTailRoute}); the buttons
 * ({@code ActionRoute}), which run jsupd's control commands ({@code EngineCalls}); the charts' ring
 * ({@code UsageHistory}); and what of it all reaches a browser ({@code BrowserView}). Its HTML, CSS
 * and JS are resources under {@code jsup/dashboard/}.
 *
 * <p>Made only when the listener starts: with the listener off, none of it is loaded.
 */
package jsup.supervisor.web.dashboard;
