package jsup.gateway.telegram;

import java.io.IOException;

/**
 * A Bot API call got no usable answer: the connection failed or timed out, or the body was not
 * Bot API JSON (a proxy's error page, for example). The message is redacted and the original
 * exception is not chained, since JDK network exceptions may quote the URL and with it the token.
 */
public final class TelegramTransportException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String method;

    TelegramTransportException(String method, String redactedDetail) {
        super("Telegram " + method + " failed: " + redactedDetail);
        this.method = method;
    }

    /** The Bot API method that failed. */
    public String method() {
        return method;
    }
}
