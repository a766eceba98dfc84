package jsup.supervisor.web;

/**
 * A route that checks the caller itself, with a browser session instead of the bearer token (the
 * dashboard: a browser cannot send an {@code Authorization} header on a page load or an
 * {@code EventSource}). {@link WebServer} still checks its {@code Host} header.
 */
public interface SessionRoute extends Route {
}
