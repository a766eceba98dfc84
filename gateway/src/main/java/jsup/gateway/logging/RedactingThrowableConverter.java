package jsup.gateway.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %redactedEx}: the stack trace with secrets masked. Exception messages often quote URLs
 * and headers (a Bot API URL carries the token), so the trace needs the same treatment as the
 * message. Being a throwable converter it also stops Logback from appending a raw {@code %ex}.
 */
public class RedactingThrowableConverter extends ThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Secrets.redact(super.convert(event));
    }
}
