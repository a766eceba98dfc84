/**
 * The running gateway, assembled: config → lock → HTTP → model check → Telegram → config watch,
 * and the reverse on shutdown ({@link jsup.gateway.app.Gateway}). Also what {@code /restart} does
 * and the exit codes the supervisor sees.
 *
 * <p>Depends on every other gateway package; nothing depends on it but {@link jsup.gateway}'s
 * commands and the tests. The only place that may end the process is the
 * {@link jsup.gateway.app.GatewayOptions#exit() exit seam}.
 */
package jsup.gateway.app;
