package jsup.gateway.telegram;

import java.io.IOException;
import java.time.Duration;

/**
 * The Bot API answered {@code {"ok":false,"error_code":N,"description":"..."}}. One subclass per
 * error the channel reacts to differently; everything else is {@link Rejected}. Messages never
 * contain the bot token (Telegram's descriptions do not quote it, and the URL is not included).
 */
public abstract sealed class TelegramApiException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String method;
    private final int errorCode;
    private final String description;

    private TelegramApiException(String method, int errorCode, String description, String hint) {
        super("Telegram " + method + " failed: " + errorCode + " " + description + (hint.isEmpty() ? "" : " (" + hint + ")"));
        this.method = method;
        this.errorCode = errorCode;
        this.description = description;
    }

    /** Picks the subclass for an error answer. */
    static TelegramApiException of(String method, int errorCode, String description, Duration retryAfter) {
        if (errorCode == 409) {
            return new Conflict(method, description);
        }
        if (errorCode == 429) {
            return new RateLimited(method, description, retryAfter == null ? Duration.ZERO : retryAfter);
        }
        if (errorCode == 400 && description.contains("BOT_COMMANDS_TOO_MUCH")) {
            return new TooManyCommands(method, description);
        }
        return new Rejected(method, errorCode, description);
    }

    /** The Bot API method that failed, for example {@code getUpdates}. */
    public String method() {
        return method;
    }

    /** Telegram's {@code error_code} (an HTTP status). */
    public int errorCode() {
        return errorCode;
    }

    /** Telegram's {@code description}, for example {@code Bad Request: chat not found}. */
    public String description() {
        return description;
    }

    /** 409: another process polls with this token, or a webhook is set. */
    public static final class Conflict extends TelegramApiException {
        private static final long serialVersionUID = 1L;

        Conflict(String method, String description) {
            super(method, 409, description, "another getUpdates poller or a webhook uses this bot token;"
                    + " stop the other instance: only one may poll");
        }
    }

    /** 429: too many requests; Telegram says how long to wait. */
    public static final class RateLimited extends TelegramApiException {
        private static final long serialVersionUID = 1L;
        private final Duration retryAfter;

        RateLimited(String method, String description, Duration retryAfter) {
            super(method, 429, description, "retry after " + retryAfter.toSeconds() + " s");
            this.retryAfter = retryAfter;
        }

        /** {@code parameters.retry_after}; zero when Telegram did not say. */
        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** 400 {@code BOT_COMMANDS_TOO_MUCH}: the command menu is longer than Telegram accepts. */
    public static final class TooManyCommands extends TelegramApiException {
        private static final long serialVersionUID = 1L;

        TooManyCommands(String method, String description) {
            super(method, 400, description, "the command menu has too many entries");
        }
    }

    /** Any other error answer (bad request, chat not found, token rejected, ...). */
    public static final class Rejected extends TelegramApiException {
        private static final long serialVersionUID = 1L;

        Rejected(String method, int errorCode, String description) {
            super(method, errorCode, description, hintFor(errorCode));
        }

        private static String hintFor(int errorCode) {
            return switch (errorCode) {
                case 401, 404 -> "Telegram does not know this bot token: check channels.telegram.botToken";
                case 403 -> "the bot was blocked by the user or removed from the chat";
                default -> "";
            };
        }
    }
}
