package jsup.supervisor.web.server;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request line and its header lines within the sizes of {@link ServerLimits}: 414 for a request
 * line too long, 431 for too many or too large headers, 400 for anything malformed, 505 for a version
 * other than HTTP/1.0 or 1.1. The time it may take is the caller's ({@link DeadlineInput}).
 */
final class RequestHeadReader {

    private static final String TOKEN_CHARS = "!#$%&'*+-.^_`|~";

    private final ServerLimits limits;

    RequestHeadReader(ServerLimits limits) {
        this.limits = limits;
    }

    /** The next request's head, or null when the stream ends before its first byte. */
    RequestHead read(InputStream in) throws IOException {
        String line;
        int empty = 0;
        do { // RFC 9112 2.2: ignore empty lines before a request line
            line = line(in, limits.maxRequestLine(), 414, "the request line is longer than "
                    + limits.maxRequestLine() + " bytes");
            if (line == null) {
                return null;
            }
        } while (line.isEmpty() && ++empty < 4);
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || !isToken(parts[0]) || parts[1].isEmpty()) {
            throw new HttpError(400, "malformed request line");
        }
        if (!parts[2].equals("HTTP/1.1") && !parts[2].equals("HTTP/1.0")) {
            throw new HttpError(parts[2].startsWith("HTTP/") ? 505 : 400, "unsupported version " + parts[2]);
        }
        URI uri;
        try {
            uri = new URI(parts[1]);
        } catch (URISyntaxException e) {
            throw new HttpError(400, "malformed request target");
        }
        Headers headers = new Headers();
        int budget = limits.maxHeadBytes();
        for (int n = 0; ; n++) {
            String h = line(in, budget, 431, "the headers are larger than " + limits.maxHeadBytes() + " bytes");
            if (h == null) {
                throw new HttpError(400, "the connection ended inside the request head");
            }
            if (h.isEmpty()) {
                break;
            }
            if (n >= limits.maxHeaders()) {
                throw new HttpError(431, "more than " + limits.maxHeaders() + " headers");
            }
            budget -= h.length() + 2;
            int colon = h.indexOf(':');
            if (colon <= 0 || !isToken(h.substring(0, colon))) {
                throw new HttpError(400, "malformed header line"); // also obsolete line folding
            }
            headers.add(h.substring(0, colon), h.substring(colon + 1).strip());
        }
        return new RequestHead(parts[0], uri, parts[2], headers);
    }

    /** One line without its CRLF (or bare LF); null at end of stream before any byte. */
    private static String line(InputStream in, int max, int status, String tooLong) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(128);
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (b.size() == 0) {
                    return null;
                }
                throw new HttpError(400, "the connection ended inside a line");
            }
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
            }
            if (b.size() >= max) {
                throw new HttpError(status, tooLong);
            }
            b.write(c);
        }
    }

    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c < 127 && (Character.isLetterOrDigit(c) || TOKEN_CHARS.indexOf(c) >= 0))) {
                return false;
            }
        }
        return true;
    }
}
