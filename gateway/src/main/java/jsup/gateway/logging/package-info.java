/**
 * Keeps secrets out of every log line: a registry of known secret values ({@link
 * jsup.gateway.logging.Secrets}) and the Logback converters that the gateway's {@code logback.xml}
 * uses in place of {@code %msg} and {@code %ex}.
 *
 * <p>Depends on Logback only. Anything in the gateway that reads a secret registers it here
 * before it can be logged; replies and HTTP error bodies pass through {@link
 * jsup.gateway.logging.Secrets#redact(String)} too.
 */
package jsup.gateway.logging;
