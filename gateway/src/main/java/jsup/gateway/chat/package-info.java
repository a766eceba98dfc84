/**
 * What every channel (Telegram, the web chat page, the JSON chat API) hands to the gateway's router
 * and gets back. Channels depend on this package; this package depends on nothing.
 */
package jsup.gateway.chat;
