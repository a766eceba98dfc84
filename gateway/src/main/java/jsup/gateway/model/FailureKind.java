package jsup.gateway.model;

/** Why one model call failed, and whether the chain moves on to the next model because of it. */
public enum FailureKind {
    /** 401 or 403: the key is wrong or lacks access to this model. */
    AUTH(true, "authentication failed"),
    /** 402: out of credit. */
    BILLING(true, "payment required"),
    /** 429: too many requests. */
    RATE_LIMIT(true, "rate limited"),
    /** 408, or no answer within the timeout. */
    TIMEOUT(true, "timed out"),
    /** 5xx. */
    SERVER_ERROR(true, "server error"),
    /** The provider does not know the model id (upstream does not fall back on this; jsup does). */
    UNKNOWN_MODEL(true, "unknown model"),
    /** The connection could not be made or broke. */
    CONNECTION(true, "connection failed"),
    /** The provider has no key and is not local: it is skipped without a call. */
    NO_KEY(true, "no API key"),
    /** Any other 4xx: the request itself is wrong (too long, bad parameter); another model would fail alike. */
    BAD_REQUEST(false, "request rejected"),
    /** 2xx with a body that is not a chat completion. */
    BAD_RESPONSE(true, "unreadable response");

    private final boolean failsOver;
    private final String label;

    FailureKind(boolean failsOver, String label) {
        this.failsOver = failsOver;
        this.label = label;
    }

    /** Whether the chain tries the next model after this failure. */
    public boolean failsOver() {
        return failsOver;
    }

    public String label() {
        return label;
    }

    /** Classifies an HTTP error status and its body. */
    public static FailureKind ofHttp(int status, String body) {
        if (status == 401 || status == 403) {
            return AUTH;
        }
        if (status == 402) {
            return BILLING;
        }
        if (status == 408) {
            return TIMEOUT;
        }
        if (status == 429) {
            return RATE_LIMIT;
        }
        if (status >= 500) {
            return SERVER_ERROR;
        }
        if ((status == 400 || status == 404 || status == 422) && mentionsUnknownModel(body)) {
            return UNKNOWN_MODEL;
        }
        return BAD_REQUEST;
    }

    /**
     * Whether an error body says the model id is unknown: OpenAI's {@code model_not_found} code,
     * or a message such as "The model `x` does not exist", "x is not a valid model ID",
     * "Unknown model: x", "No endpoints found for x".
     */
    static boolean mentionsUnknownModel(String body) {
        if (body == null) {
            return false;
        }
        String b = body.toLowerCase(java.util.Locale.ROOT);
        if (b.contains("model_not_found") || b.contains("unknown model") || b.contains("no endpoints found")) {
            return true;
        }
        return b.contains("model") && (b.contains("does not exist") || b.contains("not a valid model")
                || b.contains("not found") || b.contains("invalid model"));
    }
}
