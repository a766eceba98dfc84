package jsup.gateway.telegram;

import java.net.URI;
import java.util.Set;

/**
 * The {@code channels.telegram} section of the gateway config, already validated and with
 * defaults filled in (the config package builds it).
 *
 * @param enabled        whether the channel runs at all
 * @param botToken       the Bot API token; a secret, never logged
 * @param dmPolicy       who may talk to the bot in private chats
 * @param allowFrom      numeric Telegram user ids allowed under {@link DmPolicy#ALLOWLIST}
 * @param streamMode     how replies are delivered
 * @param textChunkLimit the longest message sent, at most 4096 (Telegram's limit), default 4000
 * @param nativeCommands whether the command menu is sent with {@code setMyCommands}
 * @param apiRoot        the Bot API root, {@code https://api.telegram.org} unless a test or a
 *                       local Bot API server sets another
 */
public record TelegramSettings(boolean enabled, String botToken, DmPolicy dmPolicy, Set<Long> allowFrom,
                               StreamMode streamMode, int textChunkLimit, boolean nativeCommands, URI apiRoot) {

    public static final URI DEFAULT_API_ROOT = URI.create("https://api.telegram.org");
    public static final int MAX_MESSAGE_LENGTH = 4096;
    public static final int DEFAULT_CHUNK_LIMIT = 4000;

    /** Who may send the bot private messages. */
    public enum DmPolicy {
        /** Only the ids in {@code allowFrom}; everyone else is ignored silently and logged. */
        ALLOWLIST,
        /** Anyone. */
        OPEN
    }

    /** How a reply is delivered. */
    public enum StreamMode {
        /** One message per reply (split only at the chunk limit). The default. */
        BLOCK,
        /** No streaming of partial text. jsup never streams drafts (upstream's duplicate-reply
         *  source), so this delivers exactly as {@link #BLOCK}; accepted so upstream configs load. */
        OFF
    }

    @Override
    public String toString() {
        // The token is a secret: a record's generated toString would print it.
        return "TelegramSettings[enabled=" + enabled + ", botToken=" + (botToken == null || botToken.isEmpty() ? "<none>" : "<set>")
                + ", dmPolicy=" + dmPolicy + ", allowFrom=" + allowFrom + ", streamMode=" + streamMode
                + ", textChunkLimit=" + textChunkLimit + ", nativeCommands=" + nativeCommands + ", apiRoot=" + apiRoot + "]";
    }
}
