package jsup.gateway.telegram;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a reply into messages Telegram accepts. Pure.
 *
 * <p>Each cut goes, in this order of preference, at the last blank line (paragraph break) in the
 * second half of the limit, else at the last line break, else at the limit itself (never inside a
 * surrogate pair). The line breaks at a cut are dropped; whitespace-only pieces are not sent,
 * since Telegram rejects empty messages.
 */
final class ReplyChunker {

    private ReplyChunker() {
    }

    /** The limit actually used: the configured one, at most Telegram's 4096, the default when unset. */
    static int effectiveLimit(int configured) {
        if (configured <= 0) {
            return TelegramSettings.DEFAULT_CHUNK_LIMIT;
        }
        return Math.min(configured, TelegramSettings.MAX_MESSAGE_LENGTH);
    }

    static List<String> split(String text, int limit) {
        if (limit < 2) {
            throw new IllegalArgumentException("limit < 2: " + limit);
        }
        List<String> chunks = new ArrayList<>();
        String rest = stripNewlines(text, true);
        while (rest.length() > limit) {
            int cut = rest.lastIndexOf("\n\n", limit);
            if (cut < limit / 2) {
                cut = rest.lastIndexOf('\n', limit);
            }
            if (cut <= 0) {
                cut = Character.isHighSurrogate(rest.charAt(limit - 1)) ? limit - 1 : limit;
            }
            add(chunks, stripNewlines(rest.substring(0, cut), false));
            rest = stripNewlines(rest.substring(cut), true);
        }
        add(chunks, stripNewlines(rest, false));
        return chunks;
    }

    private static void add(List<String> chunks, String chunk) {
        if (!chunk.isBlank()) {
            chunks.add(chunk);
        }
    }

    /** Drops line breaks at the start (leading) or end (trailing); other whitespace is content. */
    private static String stripNewlines(String s, boolean leading) {
        int start = 0;
        int end = s.length();
        if (leading) {
            while (start < end && isNewline(s.charAt(start))) {
                start++;
            }
        } else {
            while (end > start && isNewline(s.charAt(end - 1))) {
                end--;
            }
        }
        return s.substring(start, end);
    }

    private static boolean isNewline(char c) {
        return c == '\n' || c == '\r';
    }
}
