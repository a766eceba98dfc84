package jsup.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jsup.cli.InotifyLimitsFixture;
import jsup.cli.render.Ansi;
import jsup.healthmon.doctor.CheckResult;
import jsup.healthmon.doctor.DoctorCheck;
import jsup.healthmon.doctor.FixResult;
import jsup.healthmon.proc.ProcFs;
import jsup.supervisor.prestart.StaleLocks;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The doctor's pieces on their own: reading app configs, the fix rule, the report, the pid trees. */
class DoctorPartsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void localPortsComeFromTcpAndHttpProbesOnThisMachineOnly() throws Exception {
        JsonNode config = JSON.readTree("""
                {"name": "gw", "cwd": "/srv/gw",
                 "health": {"probes": [
                   {"tcp": "127.0.0.1:18789"}, {"tcp": "[::1]:9000"}, {"tcp": "localhost:18789"},
                   {"tcp": "192.0.2.7:5432"}, {"tcp": "db.example.com:5432"},
                   {"http": {"url": "http://localhost/health", "status": [200]}},
                   {"http": {"url": "https://127.0.0.1/x"}}, {"http": {"url": "http://192.0.2.7:8080/"}},
                   {"exec": ["true"]}],
                   "inotify_warn": 0.5},
                 "pre_start": [{"run": "echo hi"}, {"clear_stale_locks": "/home/u/.gw/*.lock"},
                               {"clear_stale_locks": "run/*.pid"}]}
                """);

        CheckedApp app = CheckedApp.fromConfig(config);

        assertThat(app.name()).isEqualTo("gw");
        assertThat(app.ports()).containsExactly(
                new ConfiguredPort(18789, "tcp 127.0.0.1:18789"),
                new ConfiguredPort(9000, "tcp [::1]:9000"),
                new ConfiguredPort(80, "http http://localhost/health"),
                new ConfiguredPort(443, "http https://127.0.0.1/x"));
        assertThat(app.lockGlobs()).containsExactly("/home/u/.gw/*.lock", "/srv/gw/run/*.pid");
        assertThat(app.inotifyWarn()).hasValue(0.5);
    }

    @Test
    void anAppWithoutHealthOrPreStartHasNothingToCheck() throws Exception {
        CheckedApp app = CheckedApp.fromConfig(JSON.readTree("{\"name\": \"plain\", \"cwd\": \"/tmp\"}"));

        assertThat(app.ports()).isEmpty();
        assertThat(app.lockGlobs()).isEmpty();
        assertThat(app.inotifyWarn()).isEmpty();
        assertThat(DoctorChecks.warnRatio(List.of(app))).isEqualTo(0.8);
        assertThat(DoctorChecks.warnRatio(List.of(app,
                new CheckedApp("w", List.of(), List.of(), OptionalDouble.of(0.6))))).isEqualTo(0.6);
    }

    /** The doctor's inotify fix, not as root, with these limits and this JVM's one watch and instance. */
    private FixResult fixWithLimits(long maxWatches, long maxInstances, Path root) throws Exception {
        try (InotifyLimitsFixture limits = new InotifyLimitsFixture(tmp.resolve("watched"))) {
            limits.set(maxWatches, maxInstances);
            return new InotifyCheck(limits.procFs(), InotifyLimitsFixture.uid(), 0.8, root, false).fix();
        }
    }

    @Test
    void withoutRootTheFixOnTheRealRootPrintsTheSudoCommandForTheShortLimitAndWritesNothing() throws Exception {
        Path real = Path.of("/etc/sysctl.d/99-jsup-inotify.conf");
        boolean existedBefore = Files.exists(real);

        FixResult result = fixWithLimits(1, 1_000_000, Path.of("/"));

        assertThat(result.ok()).isFalse();
        assertThat(result.detail()).isEqualTo("only root can raise kernel limits; run: printf "
                + "'fs.inotify.max_user_watches=524288\\n' | sudo tee -a "
                + "/etc/sysctl.d/99-jsup-inotify.conf && sudo sysctl -p /etc/sysctl.d/99-jsup-inotify.conf");
        assertThat(Files.exists(real)).isEqualTo(existedBefore);
    }

    @Test
    void withoutRootAndOutOfInstancesTheSudoCommandRaisesInstancesOnly() throws Exception {
        FixResult result = fixWithLimits(1_000_000_000, 1, Path.of("/"));

        assertThat(result.detail()).contains("printf 'fs.inotify.max_user_instances=1024\\n' | sudo tee -a")
                .doesNotContain("max_user_watches");
    }

    @Test
    void underAnotherRootTheFixWritesThereEvenWithoutRoot() throws Exception {
        FixResult result = fixWithLimits(1, 1_000_000, tmp.resolve("root"));

        assertThat(result.ok()).as(result.detail()).isTrue();
        assertThat(Files.readString(tmp.resolve("root/etc/sysctl.d/99-jsup-inotify.conf")))
                .contains("fs.inotify.max_user_watches=524288").doesNotContain("max_user_instances");
    }

    @Test
    void marksFallBackToAsciiWhenTheOutputCannotEncodeThem() {
        assertThat(Marks.forCharset(StandardCharsets.UTF_8, Ansi.OFF).pass()).isEqualTo("\u2713");
        assertThat(Marks.forCharset(StandardCharsets.UTF_8, Ansi.OFF).fail()).isEqualTo("\u2717");
        assertThat(Marks.forCharset(StandardCharsets.US_ASCII, Ansi.OFF).pass()).isEqualTo("ok");
        assertThat(Marks.forCharset(StandardCharsets.ISO_8859_1, Ansi.OFF).fail()).isEqualTo("FAIL");
        assertThat(Marks.forCharset(StandardCharsets.US_ASCII, Ansi.ON).fail()).isEqualTo("\u001b[31mFAIL\u001b[0m");
    }

    @Test
    void socketModesReadAsOctal() {
        assertThat(DaemonCheck.octal(PosixFilePermissions.fromString("rw-------"))).isEqualTo("0600");
        assertThat(DaemonCheck.octal(PosixFilePermissions.fromString("rwxr-xr-x"))).isEqualTo("0755");
        assertThat(DaemonCheck.octal(PosixFilePermissions.fromString("rw-rw-rw-"))).isEqualTo("0666");
    }

    @Test
    void aSocketOtherUsersCanOpenFails() throws IOException {
        Path socket = Files.createFile(tmp.resolve("jsup.sock"));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
        JsonNode pong = JSON.createObjectNode().put("pid", 42).put("version", "0.1.0");

        CheckResult r = new DaemonCheck(new DaemonState(socket, pong, "", List.of(), List.of())).run();

        assertThat(r.ok()).isFalse();
        assertThat(r.detail()).contains("mode 0666");
        assertThat(r.fix()).startsWith("chmod 600 " + socket);
    }

    @Test
    void theReportShowsEachFixAndCountsWhatStillFails() throws Exception {
        List<Finding> findings = List.of(
                new Finding(CheckResult.pass("java", "Java 17"), null),
                new Finding(CheckResult.fail("inotify", "uid 0 uses 9 of 10 watches", "raise it"),
                        new FixResult(true, "wrote /x")),
                new Finding(CheckResult.fail("port 80 (web)", "held by pid 7 (" + "x".repeat(500) + ")", "kill 7"), null));

        String text = DoctorReport.text(findings, Marks.forCharset(StandardCharsets.UTF_8, Ansi.OFF), Ansi.OFF);

        assertThat(text).contains("\u2713 java           Java 17\n")
                .contains("\u2717 inotify        uid 0 uses 9 of 10 watches\n    fix: raise it\n    fixed: wrote /x\n")
                .contains("    fix: kill 7\n")
                .endsWith("1 of 3 checks failed\n");
        String portLine = text.lines().filter(l -> l.contains("port 80")).findFirst().orElseThrow();
        assertThat(portLine).contains("held by pid 7 (").contains(" […] ").hasSizeLessThan(DoctorReport.MAX_DETAIL + 40);

        JsonNode json = JSON.readTree(DoctorReport.json(findings).toString());
        assertThat(json).hasSize(3);
        assertThat(json.get(1).path("fixed").path("ok").asBoolean()).isTrue();
        assertThat(json.get(2).path("detail").asText()).hasSize(500 + "held by pid 7 ()".length());
        assertThat(json.get(0).has("fixed")).isFalse();
    }

    @Test
    void aCheckThatThrowsFailsAloneAndTheOthersStillRun() {
        DoctorCheck broken = () -> {
            throw new IllegalStateException("boom");
        };

        List<Finding> findings = Doctor.run(List.of(broken, () -> CheckResult.pass("disk", "fine")), true);

        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).failing()).isTrue();
        assertThat(findings.get(0).result().detail()).contains("boom");
        assertThat(findings.get(1).result().ok()).isTrue();
    }

    @Test
    void supervisedPidsIncludeEveryDescendantOfAnAppsMainProcess() throws Exception {
        Process app = new ProcessBuilder("sh", "-c", "sleep 30 & sleep 30 & wait").start();
        try {
            Awaitility.await().until(() -> app.descendants().count() == 2);
            Set<Integer> tree = SupervisedPids.of(ProcFs.SYSTEM, List.of((int) app.pid()));

            assertThat(tree).contains((int) app.pid());
            app.descendants().forEach(d -> assertThat(tree).contains((int) d.pid()));
            assertThat(tree).doesNotContain((int) ProcessHandle.current().pid());
        } finally {
            app.descendants().forEach(ProcessHandle::destroyForcibly);
            app.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aLockWhosePidWasReusedIsStaleAndNamedWithTheReason() throws Exception {
        Path locks = Files.createDirectories(tmp.resolve("locks"));
        Path reused = Files.writeString(locks.resolve("a.lock"),
                "{\"pid\": " + ProcessHandle.current().pid() + ", \"startTime\": 1}");
        Files.writeString(locks.resolve("b.lock"), Long.toString(ProcessHandle.current().pid()));
        Files.writeString(locks.resolve("other.txt"), "1");

        CheckResult r = new AppLockCheck("gw", List.of(locks + "/*.lock"),
                new StaleLocks(ProcFs.SYSTEM, Clock.systemUTC())).run();

        assertThat(r.ok()).isFalse();
        assertThat(r.name()).isEqualTo("stale locks (gw)");
        assertThat(r.detail()).isEqualTo("1 stale: " + reused + " (pid " + ProcessHandle.current().pid()
                + " was reused (start time 1 in the lock, "
                + ProcFs.SYSTEM.identity((int) ProcessHandle.current().pid()).orElseThrow().startTime() + " now))");
        assertThat(r.fix()).endsWith("rm " + reused);
    }

    @Test
    void aMalformedGlobFailsWithTheGlobNamed() {
        CheckResult r = new AppLockCheck("gw", List.of(tmp + "/[*.lock"),
                new StaleLocks(ProcFs.SYSTEM, Clock.systemUTC())).run();

        assertThat(r.ok()).isFalse();
        assertThat(r.detail()).contains("[*.lock");
    }
}
