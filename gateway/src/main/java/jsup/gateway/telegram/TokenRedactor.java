package jsup.gateway.telegram;

/**
 * Blanks a bot token out of text. Bot API URLs carry the token in their path, so any message
 * derived from an HTTP failure (an exception, a URI) goes through here before it is logged,
 * stored in a status or thrown.
 */
final class TokenRedactor {

    static final String MASK = "<bot-token>";

    private final String token;
    private final String secretPart;

    TokenRedactor(String token) {
        this.token = token == null ? "" : token;
        int colon = this.token.indexOf(':');
        // The part after the colon is the actual secret; it may show up on its own (for example
        // percent-decoded or split by a proxy's message), so it is blanked separately too.
        String secret = colon >= 0 ? this.token.substring(colon + 1) : "";
        this.secretPart = secret.length() >= 8 ? secret : "";
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        if (!token.isEmpty()) {
            out = out.replace(token, MASK);
        }
        if (!secretPart.isEmpty()) {
            out = out.replace(secretPart, MASK);
        }
        return out;
    }
}
