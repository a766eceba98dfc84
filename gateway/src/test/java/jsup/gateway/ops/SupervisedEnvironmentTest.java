package jsup.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SupervisedEnvironmentTest {

    @Test
    void underJsupdTheLinkGoesToItsHomeAndTheNameComesFromJsupApp() {
        SupervisedEnvironment env = SupervisedEnvironment.of(Map.of("JSUP_HOME", "/srv/jsup", "JSUP_APP", "bot"), null);

        assertThat(env.supervised()).isTrue();
        assertThat(env.appName()).isEqualTo("bot");
        assertThat(env.link()).isInstanceOfSatisfying(ControlSupervisorLink.class,
                l -> assertThat(l.jsupHome()).isEqualTo(Path.of("/srv/jsup")));
    }

    @Test
    void theHiddenOptionWinsOverTheEnvironment() {
        SupervisedEnvironment env = SupervisedEnvironment.of(Map.of("JSUP_HOME", "/srv/jsup"), Path.of("/tmp/other"));

        assertThat(env.jsupHome()).isEqualTo(Path.of("/tmp/other"));
        assertThat(env.appName()).isEqualTo(SupervisedEnvironment.DEFAULT_APP_NAME);
    }

    @Test
    void withoutJsupHomeTheLinkSaysWhyJsupdIsNotReachable() {
        SupervisedEnvironment env = SupervisedEnvironment.of(Map.of("JSUP_APP", " ", "JSUP_APP_NAME", "old-name"), null);

        assertThat(env.supervised()).isFalse();
        assertThat(env.appName()).isEqualTo("moltbot-gateway"); // JSUP_APP_NAME is no longer read
        SupervisorLink link = env.link();
        assertThat(link.reachable()).isFalse();
        assertThat(link.unreachableReason()).isEqualTo("the gateway was not started by jsupd ($JSUP_HOME is not set)");
    }
}
