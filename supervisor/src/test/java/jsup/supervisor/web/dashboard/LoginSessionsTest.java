package jsup.supervisor.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginSessionsTest {

    private static final Instant T0 = Instant.parse("2026-12-07T20:00:00Z");

    @Test
    void aCodeWorksOnceAndOnlyWithinItsLifetime() {
        LoginSessions s = new LoginSessions();
        String code = s.newCode(T0);
        assertThat(s.redeem(code, T0.plusSeconds(5))).isPresent();
        assertThat(s.redeem(code, T0.plusSeconds(6))).as("used").isEmpty();
        String late = s.newCode(T0);
        assertThat(s.redeem(late, T0.plus(LoginSessions.CODE_LIFETIME).plusSeconds(1))).as("expired").isEmpty();
        assertThat(s.redeem("0".repeat(64), T0)).isEmpty();
        assertThat(s.redeem(null, T0)).isEmpty();
    }

    @Test
    void aSessionLastsWhileUsedAndEndsAfterItsIdleTimeOrASignOut() {
        LoginSessions s = new LoginSessions();
        LoginSessions.Session a = s.open(T0);
        Instant later = T0.plus(LoginSessions.SESSION_IDLE).minusSeconds(1);
        assertThat(s.find(a.id(), later)).contains(a);
        assertThat(s.find(a.id(), later.plus(LoginSessions.SESSION_IDLE).minusSeconds(1))).as("use renews it").contains(a);
        assertThat(s.find(a.id(), later.plus(LoginSessions.SESSION_IDLE.multipliedBy(3)))).isEmpty();
        LoginSessions.Session b = s.open(T0);
        s.close(b.id());
        assertThat(s.find(b.id(), T0)).isEmpty();
        assertThat(a.csrf()).isNotEqualTo(a.id()).hasSize(64);
        assertThat(LoginSessions.csrfMatches(a, a.csrf())).isTrue();
        assertThat(LoginSessions.csrfMatches(a, b.csrf())).isFalse();
        assertThat(LoginSessions.csrfMatches(a, null)).isFalse();
    }

    @Test
    void logInsInALoopCannotGrowIt() {
        LoginSessions s = new LoginSessions();
        LoginSessions.Session first = s.open(T0);
        String firstCode = s.newCode(T0);
        for (int i = 0; i < LoginSessions.MAX_SESSIONS; i++) {
            s.open(T0.plus(Duration.ofMillis(i)));
        }
        for (int i = 0; i < LoginSessions.MAX_CODES; i++) {
            s.newCode(T0);
        }
        assertThat(s.find(first.id(), T0)).as("the oldest gave way").isEmpty();
        assertThat(s.redeem(firstCode, T0)).isEmpty();
    }
}
