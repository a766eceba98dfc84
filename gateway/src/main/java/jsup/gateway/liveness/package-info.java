/**
 * Whether the gateway's workers still make progress: what {@code /healthz} reports beyond "the
 * socket answers" (a stuck chat pool, a stuck Telegram poller or reply workers).
 */
package jsup.gateway.liveness;
