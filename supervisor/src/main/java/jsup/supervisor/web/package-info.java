/**
 * jsupd's optional HTTP listener: {@link jsup.supervisor.web.WebServer} (on our own
 * {@link jsup.supervisor.web.server.LeanHttpServer}: bounded connections, deadlines, no idle
 * wake-ups), the guard every request passes ({@link jsup.supervisor.web.HostCheck},
 * {@link jsup.supervisor.web.WebToken}), its settings ({@link jsup.supervisor.web.WebSettings}, the
 * {@code web} block of {@code jsupd.json}) and the {@link jsup.supervisor.web.Route} interface routes
 * implement ({@code /metrics}; the dashboard's {@link jsup.supervisor.web.SessionRoute}s, which check a
 * browser session instead of the token).
 *
 * <p>Loaded only when the listener is used: jsupd reaches it through {@code daemon.WebControl}, made
 * on first use. It knows nothing of the engine; routes bring what they serve.
 */
package jsup.supervisor.web;
