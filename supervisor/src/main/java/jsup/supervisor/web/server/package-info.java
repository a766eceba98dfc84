/**
 * A small HTTP/1.1 server behind the JDK's {@code com.sun.net.httpserver} API
 * ({@link jsup.supervisor.web.server.LeanHttpServer}, {@link jsup.supervisor.web.server.LeanHttpsServer}),
 * so handlers written for the JDK's server run unchanged, without its wake-up every second while idle.
 * Blocking sockets, a thread per connection (bounded), deadlines per request head, body and write
 * ({@link jsup.supervisor.web.server.ServerLimits}). docs/architecture.md says why it exists.
 */
package jsup.supervisor.web.server;
