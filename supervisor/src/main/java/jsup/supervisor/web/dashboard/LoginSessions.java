package jsup.supervisor.web.dashboard;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's logins: one-time codes ({@code jsup web open}) and the browser sessions they, or the
 * token typed into the login form, are exchanged for. All in memory: a restarted jsupd forgets them
 * and the browser logs in again. Bounded: the oldest session or code gives way past the caps, so a
 * client that logs in in a loop cannot grow jsupd. Time is passed in, so tests need no clock.
 */
final class LoginSessions {

    /** A code works once, within this time: long enough to click the link, too short to be worth stealing. */
    static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    /** A session ends this long after its last request. */
    static final Duration SESSION_IDLE = Duration.ofHours(12);
    static final int MAX_SESSIONS = 64;
    static final int MAX_CODES = 16;

    /** A browser's login; {@code csrf} must come back in the {@code X-CSRF-Token} header of each POST. */
    record Session(String id, String csrf) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> codes = new LinkedHashMap<>();
    private final Map<String, Entry> sessions = new LinkedHashMap<>();

    private static final class Entry {
        final Session session;
        Instant lastSeen;

        Entry(Session session, Instant lastSeen) {
            this.session = session;
            this.lastSeen = lastSeen;
        }
    }

    /** A new one-time code, valid for {@link #CODE_LIFETIME} from {@code now}. */
    synchronized String newCode(Instant now) {
        String code = randomHex();
        codes.put(code, now.plus(CODE_LIFETIME));
        trim(codes, MAX_CODES);
        return code;
    }

    /** Exchanges {@code code} for a new session; a code unknown, used or expired gives nothing. */
    synchronized Optional<Session> redeem(String code, Instant now) {
        if (code == null) {
            return Optional.empty();
        }
        Instant expires = codes.remove(code); // single use, even when it turns out expired
        if (expires == null || now.isAfter(expires)) {
            return Optional.empty();
        }
        return Optional.of(open(now));
    }

    /** A new session (the caller has shown the token or a code). */
    synchronized Session open(Instant now) {
        Session s = new Session(randomHex(), randomHex());
        sessions.put(s.id(), new Entry(s, now));
        trim(sessions, MAX_SESSIONS);
        return s;
    }

    /** The live session with {@code id}, its idle time restarted; expired ones are dropped. */
    synchronized Optional<Session> find(String id, Instant now) {
        if (id == null) {
            return Optional.empty();
        }
        Entry e = sessions.get(id);
        if (e == null) {
            return Optional.empty();
        }
        if (now.isAfter(e.lastSeen.plus(SESSION_IDLE))) {
            sessions.remove(id);
            return Optional.empty();
        }
        e.lastSeen = now;
        return Optional.of(e.session);
    }

    synchronized void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Whether {@code given} is the session's CSRF token; constant time. */
    static boolean csrfMatches(Session s, String given) {
        return given != null && MessageDigest.isEqual(given.getBytes(), s.csrf().getBytes());
    }

    private String randomHex() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static void trim(Map<String, ?> map, int max) {
        Iterator<String> oldest = map.keySet().iterator();
        while (map.size() > max && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }
}
