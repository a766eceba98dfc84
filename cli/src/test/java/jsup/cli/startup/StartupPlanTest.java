package jsup.cli.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupPlanTest {

    @TempDir
    Path root;

    private StartupPlan plan(boolean asRoot, String user) {
        return StartupPlan.of(root, asRoot, user, Path.of("/home/" + user), Path.of("/home/" + user + "/.jsup"),
                "/usr/bin:/bin", Map.of(), List.of("/opt/jsup/bin/jsup", "daemon"), Duration.ofMillis(1600));
    }

    @Test
    void asRootASystemUnitForTheUser() {
        StartupPlan p = plan(true, "alice");
        assertThat(p.unitFile()).isEqualTo(root.resolve("etc/systemd/system/jsup-alice.service"));
        assertThat(p.unitName()).isEqualTo("jsup-alice.service");
        String unit = p.unit().render();
        assertThat(unit).contains("\nUser=alice\n", "\nWorkingDirectory=/home/alice\n",
                "\nEnvironment=JSUP_HOME=/home/alice/.jsup\n", "\nExecStart=/opt/jsup/bin/jsup daemon\n",
                "\nWantedBy=multi-user.target\n", "\nTimeoutStopSec=12\n");
        assertThat(p.notes()).isEmpty();
    }

    @Test
    void asAUserAUserUnitAndALingerNoteUntilLingerIsOn() throws Exception {
        StartupPlan p = plan(false, "bob");
        assertThat(p.unitFile()).isEqualTo(root.resolve("home/bob/.config/systemd/user/jsup.service"));
        assertThat(p.unit().render()).doesNotContain("User=").contains("\nWantedBy=default.target\n");
        assertThat(p.notes()).singleElement().asString().contains("loginctl enable-linger bob");

        Files.createDirectories(root.resolve("var/lib/systemd/linger"));
        Files.createFile(root.resolve("var/lib/systemd/linger/bob"));
        assertThat(plan(false, "bob").notes()).isEmpty();
    }

    @Test
    void argumentsAndValuesAreQuotedAndEscapedForSystemd() {
        assertThat(SystemdUnit.quoteArg("/opt/my jsup/jsup")).isEqualTo("\"/opt/my jsup/jsup\"");
        assertThat(SystemdUnit.quoteArg("100%")).isEqualTo("100%%");
        assertThat(SystemdUnit.quoteArg("$HOME")).isEqualTo("$$HOME");
        assertThat(SystemdUnit.quoteEnv("A=b c")).isEqualTo("\"A=b c\"");
        assertThat(SystemdUnit.quoteEnv("P=/x")).isEqualTo("P=/x");
    }

    @Test
    void stopTimeoutIsTheLargestSavedKillTimeoutPlusAMargin() throws Exception {
        Path dump = root.resolve("dump.json");
        assertThat(SavedApps.maxKillTimeout(dump)).isEqualTo(SavedApps.DEFAULT_KILL_TIMEOUT);
        Files.writeString(dump, "{\"version\":1,\"apps\":[{\"name\":\"a\",\"config\":{\"kill_timeout\":\"2m\"}},"
                + "{\"name\":\"b\",\"config\":{\"kill_timeout\":500}}]}");
        assertThat(SavedApps.maxKillTimeout(dump)).isEqualTo(Duration.ofMinutes(2));
        Files.writeString(dump, "not json");
        Files.writeString(root.resolve("dump.json.bak"), "[{\"kill_timeout\":9000}]");
        assertThat(SavedApps.maxKillTimeout(dump)).isEqualTo(Duration.ofSeconds(9));
    }
}
