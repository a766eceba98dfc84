package jsup.supervisor.web.dashboard;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * What every dashboard request is checked against, after the listener's Host check: the session
 * cookie, the {@code Origin} (a page of another site may make the browser send a request with the
 * cookie; SameSite=Strict stops the cookie, this stops the request), and on POSTs the session's
 * CSRF token in a header, which a form of another site cannot set. Also the headers every answer
 * carries: a strict CSP (scripts and styles from the listener only, nothing inline), no framing, and
 * a Referer for jsupd's own pages only (a one-time code in the address bar goes to no other site;
 * {@code no-referrer} would make Chromium send {@code Origin: null} on the login form's POST).
 */
final class BrowserGuard {

    static final String COOKIE = "jsup_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final LoginSessions sessions;
    private final Clock clock;

    BrowserGuard(LoginSessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    /** The caller's live session, from its cookie. */
    Optional<LoginSessions.Session> session(HttpExchange ex) {
        return sessions.find(cookie(ex.getRequestHeaders(), COOKIE), clock.instant());
    }

    /**
     * Whether the request may come from this browser tab: an {@code Origin}, when sent, must be the
     * listener's own ({@code scheme://Host}), and {@code Sec-Fetch-Site}, when sent, not cross-site.
     * {@code originRequired}: POSTs must carry one (every current browser sends it on a POST).
     */
    static boolean sameOrigin(HttpExchange ex, boolean originRequired) {
        Headers h = ex.getRequestHeaders();
        String site = h.getFirst("Sec-Fetch-Site");
        if (site != null && site.equalsIgnoreCase("cross-site")) {
            return false;
        }
        String origin = h.getFirst("Origin");
        if (origin == null) {
            return !originRequired;
        }
        String host = h.getFirst("Host");
        String own = (ex instanceof HttpsExchange ? "https://" : "http://") + host;
        return host != null && origin.toLowerCase(Locale.ROOT).equals(own.toLowerCase(Locale.ROOT));
    }

    /** A POST's CSRF token, checked against the session's. */
    static boolean csrfOk(HttpExchange ex, LoginSessions.Session s) {
        return LoginSessions.csrfMatches(s, ex.getRequestHeaders().getFirst(CSRF_HEADER));
    }

    /** The session cookie: HttpOnly (no script reads it), SameSite=Strict, Secure under TLS. */
    static String sessionCookie(HttpExchange ex, String value, boolean expire) {
        return COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (ex instanceof HttpsExchange ? "; Secure" : "")
                + (expire ? "; Max-Age=0" : "");
    }

    /** The security headers of every dashboard answer. */
    static void secure(HttpExchange ex) {
        Headers h = ex.getResponseHeaders();
        h.set("Content-Security-Policy", CSP);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "same-origin");
        h.set("Cache-Control", "no-store");
    }

    static String cookie(Headers h, String name) {
        for (String line : h.getOrDefault("Cookie", java.util.List.of())) {
            for (String part : line.split(";")) {
                String p = part.trim();
                if (p.startsWith(name + "=")) {
                    return p.substring(name.length() + 1);
                }
            }
        }
        return null;
    }
}
