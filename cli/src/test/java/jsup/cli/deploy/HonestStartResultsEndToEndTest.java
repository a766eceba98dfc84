package jsup.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import jsup.cli.CliRun;
import jsup.cli.doctor.TempDaemon;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 7: a start or restart whose app does not come up within its start window fails
 * (exit 1) with the last lines of the app's error log, and the table after an action shows the
 * apps settled, not {@code launching} with pid 0.
 */
class HonestStartResultsEndToEndTest extends TempDaemonTest {

    @Override
    void writeScripts() throws IOException {
        TempDaemon.script(dir.resolve("crash.sh"), "#!/bin/sh\necho 'fatal: config.yml not found' >&2\nexit 3\n");
        TempDaemon.script(dir.resolve("fragile.sh"), "#!/bin/sh\nif [ -e \"$0.broken\" ]; then\n"
                + "  echo 'database unreachable' >&2\n  exit 1\nfi\nexec sleep 1000\n");
        TempDaemon.script(dir.resolve("idle.sh"), "#!/bin/sh\nexec sleep 1000\n");
        // Ready a second after it starts, told by its own main process on NOTIFY_SOCKET.
        TempDaemon.script(dir.resolve("slow-ready.pl"), "#!/usr/bin/perl\nuse Socket;\n"
                + "select(undef, undef, undef, 1.0);\n"
                + "socket(my $s, PF_UNIX, SOCK_DGRAM, 0) or die;\n"
                + "send($s, \"READY=1\\nSTATUS=warm\", 0, pack_sockaddr_un($ENV{NOTIFY_SOCKET})) or die;\n"
                + "sleep 1000;\n");
    }

    @Test
    void aStartWaitsUntilAnAppWithWaitReadyIsReady() throws IOException {
        Files.writeString(dir.resolve("ready.json"), "{\"apps\": [{\"name\": \"slowready\", \"script\": \""
                + dir.resolve("slow-ready.pl") + "\", \"interpreter\": \"none\", \"min_uptime\": 200,"
                + " \"wait_ready\": true}]}");
        CliRun.Result r = daemon.jsup("start", dir.resolve("ready.json").toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String row = r.out().lines().filter(l -> l.contains(" slowready ")).findFirst().orElseThrow();
        assertThat(row).contains("online: warm").doesNotContain("not ready");
    }

    @Test
    void aStartThatEndsErroredFailsWithTheEndOfItsErrorLog() {
        CliRun.Result r = daemon.jsup("start", dir.resolve("crash.sh").toString(), "--name", "crash",
                "--max-restarts", "2");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("'crash' errored").contains("crash-error.log")
                .contains("fatal: config.yml not found");
        assertThat(r.out()).doesNotContain("launching").doesNotContain("started: crash");
    }

    @Test
    void aRestartThatCrashesFailsToo() throws IOException {
        assertThat(daemon.jsup("start", dir.resolve("fragile.sh").toString(), "--name", "fragile",
                "--max-restarts", "1").exitCode()).isZero();
        Files.createFile(dir.resolve("fragile.sh.broken"));

        CliRun.Result r = daemon.jsup("restart", "fragile");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("'fragile' errored").contains("database unreachable");
    }

    @Test
    void anAppThatStopsOnItsOwnWithinTheWindowFails() {
        CliRun.Result r = daemon.jsup("start", dir.resolve("crash.sh").toString(), "--name", "once",
                "--no-autorestart");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("'once' stopped on its own (exit code 3)").contains("fatal: config.yml not found");
    }

    @Test
    void theTableAfterAStartShowsTheAppOnlineWithItsPid() {
        CliRun.Result r = daemon.jsup("start", dir.resolve("idle.sh").toString(), "--name", "steady");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String row = r.out().lines().filter(l -> l.contains(" steady ")).findFirst().orElseThrow();
        assertThat(row).contains("online").doesNotContain("launching");
        assertThat(row.split("\\s+")[2]).matches("[1-9][0-9]*");
    }
}
