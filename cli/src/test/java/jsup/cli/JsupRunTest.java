package jsup.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jsup run} through the real launcher: foreground engine, output, SIGTERM, auto-exit. */
class JsupRunTest {

    @TempDir
    Path tmp;

    private static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    void sigtermStopsEveryAppAndExitsZero() throws Exception {
        Path eco = tmp.resolve("eco.json");
        Files.writeString(eco, "{\"apps\":[{\"name\":\"loop\",\"script\":\"bash\",\"args\":[\"-c\","
                + "\"echo started $$; exec sleep 1000\"],\"kill_timeout\":1000}]}");
        JsupLauncher jsup = new JsupLauncher(tmp.resolve("home"), tmp);
        Path out = tmp.resolve("run.out");
        Process run = jsup.background(out, "run", eco.toString());
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> read(out).contains("loop out | started"));
            assertThat(read(out)).contains("loop: launching → online");
            Matcher m = Pattern.compile("started (\\d+)").matcher(read(out));
            assertThat(m.find()).isTrue();
            long app = Long.parseLong(m.group(1));
            run.destroy();
            assertThat(run.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).as(read(out)).isZero();
            assertThat(read(out)).contains("stopping every app", "every app stopped");
            assertThat(ProcessHandle.of(app).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(tmp.resolve("home/jsup.sock")).doesNotExist();
        } finally {
            run.destroyForcibly();
        }
    }

    @Test
    void exitsByItselfWithCode1WhenAnAppErrored() throws Exception {
        Path eco = tmp.resolve("eco.json");
        Files.writeString(eco, "{\"apps\":[{\"name\":\"crash\",\"script\":\"sh\",\"args\":[\"-c\",\"exit 3\"],"
                + "\"max_restarts\":2,\"min_uptime\":\"5s\"}]}");
        JsupLauncher.Result r = new JsupLauncher(tmp.resolve("home"), tmp).run("run", eco.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILURE);
        assertThat(r.out()).contains("→ errored").contains("no app runs or will restart");
    }
}
