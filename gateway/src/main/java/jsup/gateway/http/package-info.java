/**
 * The gateway's HTTP side on {@code gateway.bind:gateway.port} (default 127.0.0.1:18789), on the
 * JDK's {@code com.sun.net.httpserver}: {@code /healthz}, {@code /readyz}, the web chat page at
 * {@code /} ({@link jsup.gateway.http.WebChatPage}: three files from the jar under a strict CSP),
 * {@code POST /api/chat} (through the same {@link jsup.gateway.chat.ChatHandler} as
 * Telegram) and {@code GET /api/status}; the gateway token, when configured, guards every request
 * but the page's two static files.
 *
 * <p>Also {@link jsup.gateway.http.StaleConnectionRetry}, the client side's one retry of an
 * idempotent read on a fresh connection, used by the model and Telegram clients.
 *
 * <p>Depends on {@link jsup.gateway.chat}, {@link jsup.gateway.liveness} and Jackson. Knows nothing
 * about models or Telegram: readiness, status and what else is stuck are handed in as functions.
 */
package jsup.gateway.http;
