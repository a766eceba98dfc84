package jsup.cli.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jsup.cli.CliRun;
import jsup.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupCommandTest {

    @TempDir
    Path tmp;

    private Path home() {
        return tmp.resolve("jsup home");
    }

    private CliRun.Result jsup(String... args) {
        return CliRun.run(Map.of("JSUP_HOME", home().toString(), "JSUP_STARTUP_ROOT", tmp.resolve("root").toString()),
                args);
    }

    @Test
    void dryRunPrintsASimpleUnitRunningTheDaemonAndChangesNothing() throws Exception {
        Files.createDirectories(home());
        Files.writeString(home().resolve("dump.json"),
                "{\"apps\":[{\"name\":\"a\",\"kill_timeout\":30000},{\"name\":\"b\",\"kill_timeout\":\"45s\"},{\"name\":\"c\"}]}");
        CliRun.Result r = jsup("startup", "--dry-run");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        String unit = r.out();
        assertThat(unit).contains("[Unit]", "[Service]", "[Install]")
                .contains("\nType=simple\n", "\nRestart=always\n", "\nKillMode=mixed\n")
                .contains("\nTimeoutStopSec=55\n")
                .contains("Environment=\"JSUP_HOME=" + home() + "\"")
                .containsPattern("\nExecStart=\\S+.* daemon\n");
        assertThat(tmp.resolve("root")).doesNotExist();
        verifyWithSystemdAnalyze(unit);
    }

    @Test
    void installWritesTheUnitAndSaysSystemdIsNotRunningThenUnstartupRemovesIt() {
        CliRun.Result r = jsup("startup");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("wrote ").contains("systemd is not running");
        Path unit = firstUnit();
        assertThat(unit).exists();
        assertThat(unit.toString()).endsWith(".service");

        CliRun.Result gone = jsup("unstartup");
        assertThat(gone.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(gone.out()).contains("removed " + unit);
        assertThat(unit).doesNotExist();
        assertThat(jsup("unstartup").out()).contains("nothing to remove");
    }

    @Test
    void onlySystemdIsSupported() {
        CliRun.Result r = jsup("startup", "upstart", "--dry-run");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("upstart").contains("jsup startup systemd");
    }

    @Test
    void anUnknownUserIsNamed() {
        CliRun.Result r = jsup("startup", "--user", "no-such-user-jsup", "--dry-run");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("no-such-user-jsup");
    }

    private Path firstUnit() {
        try (var files = Files.walk(tmp.resolve("root"))) {
            return files.filter(p -> p.toString().endsWith(".service")).findFirst().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** systemd's own checker, where installed; skipped only when the tool does not exist. */
    private void verifyWithSystemdAnalyze(String dryRunOutput) throws Exception {
        Path tool = Path.of("/usr/bin/systemd-analyze");
        assumeThat(Files.isExecutable(tool)).as("systemd-analyze installed").isTrue();
        Path unitFile = tmp.resolve("verify").resolve("jsup-test.service");
        Files.createDirectories(unitFile.getParent());
        Files.writeString(unitFile, dryRunOutput, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(tool.toString(), "verify", unitFile.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).as(output).doesNotContain("jsup-test.service:");
    }
}
