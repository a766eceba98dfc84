package jsup.cli.monit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import jsup.cli.CliRun;
import jsup.cli.JsupLauncher;
import jsup.cli.doctor.TempDaemon;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jsup monit} against one real jsupd with two apps (one that logs, one quiet), shared by the
 * class: used as a person uses it, in a real terminal (tmux, 120x40) driven with keys
 * ({@code send-keys}) and read off the screen ({@code capture-pane}), skipped where tmux is not
 * installed ({@code .ci/run} installs it); and its plain output, as a script or cron sees it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitEndToEndTest {

    private static final Duration SCREEN_WAIT = Duration.ofSeconds(60);

    private Path dir;
    private TempDaemon daemon;
    private String server;

    @BeforeAll
    void startApps(@TempDir Path tmp) throws IOException {
        dir = tmp;
        daemon = new TempDaemon(dir.resolve("home"));
        TempDaemon.script(dir.resolve("ticker.sh"),
                "#!/bin/sh\ni=0\nwhile true; do i=$((i+1)); echo \"tick $i\"; echo \"oops $i\" >&2; sleep 0.5; done\n");
        TempDaemon.script(dir.resolve("quiet.sh"), "#!/bin/sh\nexec sleep 100000\n");
        Files.writeString(dir.resolve("eco.json"), "{\"apps\": [{\"name\": \"ticker\", \"script\": \""
                + dir.resolve("ticker.sh") + "\", \"max_memory_restart\": \"200M\"}, {\"name\": \"quiet\", \"script\": \""
                + dir.resolve("quiet.sh") + "\"}]}");
        assertThat(daemon.jsup("start", dir.resolve("eco.json").toString()).exitCode()).isZero();
    }

    @AfterAll
    void tearDown() throws IOException, InterruptedException {
        if (server != null) {
            tmux("kill-server");
        }
        daemon.close();
    }

    @Test
    void plainFramesWhenStdoutIsNotATerminal() throws IOException {
        CliRun.Result once = daemon.jsup("monit", "--once");
        assertThat(once.exitCode()).as("%s", once).isZero();
        // local time with milliseconds, as describe shows times (not Instant.toString()'s nanoseconds and Z)
        assertThat(once.out()).containsPattern(
                        "(?m)^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  host cpu \\S+% mem \\S+/\\S+ load ")
                .contains("ticker", "quiet", "status").doesNotContain("\u001b");

        CliRun.Result json = daemon.jsup("monit", "--once", "--json");
        assertThat(json.exitCode()).as("%s", json).isZero();
        JsonNode frame = new ObjectMapper().readTree(json.out());
        assertThat(frame.path("host").path("mem_total").asLong()).isPositive();
        assertThat(frame.path("host").has("load1")).isTrue();
        assertThat(frame.path("apps")).extracting(a -> a.path("name").asText()).containsExactly("ticker", "quiet");
    }

    @Test
    void aBadIntervalIsAUsageErrorNamingIt() {
        CliRun.Result shortOne = daemon.jsup("monit", "--interval", "10ms");
        assertThat(shortOne.exitCode()).isEqualTo(2);
        assertThat(shortOne.err()).contains("--interval", "\"10ms\" is too short; use 200ms or more")
                .doesNotContain("Exception");
        CliRun.Result word = daemon.jsup("monit", "--interval", "soon");
        assertThat(word.exitCode()).isEqualTo(2);
        assertThat(word.err()).contains("soon").doesNotContain("Exception");
        CliRun.Result help = daemon.jsup("monit", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Keys:", "--interval", "--once", "--json", "--plain");
    }

    @Test
    void listsSelectsRestartsFiltersShowsLogsAndQuitsRestoringTheTerminal() throws Exception {
        Assumptions.assumeTrue(tmuxInstalled(), "tmux is not installed");
        server = "jsup-monit-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        String monit = "env JSUP_HOME='" + daemon.home() + "' JSUP_CLASSPATH='" + System.getProperty("java.class.path")
                + "' JSUP_JAVA='" + ProcessHandle.current().info().command().orElse("java") + "' TERM=xterm-256color '"
                + JsupLauncher.launcher() + "' monit --interval 1s";
        tmux("new-session", "-d", "-x", "120", "-y", "40",
                "sh -c \"echo BEFORE-MONIT; " + monit.replace("\"", "\\\"")
                        + "; echo monit-exit=\\$?; stty -a; exec sleep 600\"");

        // the list, the first app selected, the host line and the selected app's out and err tails
        Pattern tickerSelected = row(true, 0, "ticker", "online", 0);
        screenShows(s -> tickerSelected.matcher(s).find() && row(false, 1, "quiet", "online", 0).matcher(s).find()
                && s.contains("host  cpu") && s.contains("tick ") && s.contains("oops "));

        tmux("send-keys", "Down");
        screenShows(s -> row(true, 1, "quiet", "online", 0).matcher(s).find());

        tmux("send-keys", "Up");
        screenShows(s -> tickerSelected.matcher(s).find());
        tmux("send-keys", "r");
        screenShows(s -> row(true, 0, "ticker", "online", 1).matcher(s).find()
                && s.contains("restarted ticker") && s.contains("  manual"));
        assertThat(new ObjectMapper().readTree(daemon.jsup("list", "--json").out()).get(0).path("restarts").asInt())
                .isEqualTo(1);

        tmux("send-keys", "/", "q", "u");
        screenShows(s -> s.contains(" / qu█") && row(true, 1, "quiet", "online", 0).matcher(s).find()
                && !s.contains("ticker  "));
        tmux("send-keys", "Escape");
        screenShows(s -> row(true, 1, "quiet", "online", 0).matcher(s).find() && s.contains("ticker")
                && s.contains(MonitScreen.KEYS));

        tmux("send-keys", "Up", "l");
        screenShows(s -> s.contains("logs · ticker") && s.contains("tick ") && s.contains("oops ")
                && !s.contains("quiet"));
        tmux("send-keys", "l");
        screenShows(s -> s.contains("quiet") && s.contains(MonitScreen.KEYS));

        // the frame follows the terminal's size: at 80 columns the memory bar's column goes first
        assertThat(capture()).contains("of max_memory");
        tmux("resize-window", "-x", "80", "-y", "24");
        screenShows(s -> !s.contains("of max_memory") && s.lines().count() <= 24
                && s.lines().anyMatch(l -> l.startsWith(" " + MonitScreen.KEYS.substring(0, 10)))
                && s.lines().allMatch(l -> l.codePointCount(0, l.length()) <= 80));

        tmux("send-keys", "q");
        screenShows(s -> s.contains("monit-exit=0"));
        String after = capture();
        assertThat(after).contains("BEFORE-MONIT").doesNotContain("jsup monit ·").doesNotContain("host  cpu");
        assertThat(after).containsPattern("(?<!-)icanon").containsPattern("(?<![-\\w])echo ");
    }

    /** A row of the table: selected or not, id, name, status, then the ↺ count after pid and uptime. */
    private static Pattern row(boolean selected, int id, String name, String status, int restarts) {
        return Pattern.compile("(?m)^" + (selected ? "›" : " ") + " " + id + "\\s+" + name + "\\s+" + status
                + "\\s+\\d+\\s+\\S+\\s+" + restarts + "\\s");
    }

    private void screenShows(java.util.function.Predicate<String> shown) {
        await().atMost(SCREEN_WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            String screen = capture();
            assertThat(shown.test(screen)).as("the screen:\n%s", screen).isTrue();
        });
    }

    private String capture() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p");
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", server, "-f", "/dev/null"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("tmux " + String.join(" ", args) + " did not finish");
        }
        return out;
    }

    private static boolean tmuxInstalled() {
        try {
            Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
