package jsup.supervisor.daemon;

import static jsup.supervisor.daemon.DaemonFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import jsup.healthmon.proc.ProcFs;
import jsup.supervisor.notify.FakeBotApi;
import jsup.supervisor.notify.FakeWebhook;
import jsup.supervisor.notify.SilentPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications under a real jsupd, to local fakes speaking the real formats: a Slack-style webhook, the
 * Telegram Bot API, and two dead sinks (a port that accepts and never answers, one that refuses).
 */
class JsupdNotifyTest {

    private static final String TOKEN = "123456:FAKE-bot-token";

    @TempDir
    Path tmp;

    private DaemonFixture fx;
    private FakeWebhook webhook;
    private FakeBotApi bot;
    private SilentPort silent;
    private int refused;

    @BeforeEach
    void setUp() throws Exception {
        fx = new DaemonFixture(tmp);
        webhook = new FakeWebhook();
        bot = new FakeBotApi(TOKEN);
        silent = new SilentPort();
        refused = SilentPort.refusedPort();
        // The token comes from the app's env_file, as a .env beside the ecosystem file.
        DaemonFixture.write(tmp.resolve(".env"), "BOT_TOKEN=" + TOKEN + "\nHOOK_SECRET=s3cr3t-value\n");
    }

    @AfterEach
    void tearDown() throws Exception {
        fx.close();
        webhook.close();
        bot.close();
        silent.close();
    }

    private String notifyBlock(boolean deadSinks) {
        List<String> hooks = new ArrayList<>();
        hooks.add("{\"url\": \"" + webhook.url("/hook") + "\", \"headers\": {\"Authorization\": \"Bearer ${HOOK_SECRET}\"}}");
        if (deadSinks) {
            hooks.add("{\"url\": \"http://127.0.0.1:" + silent.port() + "/never\", \"timeout\": \"5m\"}");
            hooks.add("\"http://127.0.0.1:" + refused + "/refused\"");
        }
        return "\"env_file\": \"" + tmp.resolve(".env") + "\", \"notify\": {\"webhook\": [" + String.join(", ", hooks)
                + "], \"telegram\": {\"token\": \"${BOT_TOKEN}\", \"chat_id\": \"42\", \"api_url\": \"" + bot.apiUrl()
                + "\"}}";
    }

    @Test
    void aCrashLoopSendsExactlyOneErroredToEachSinkWithReasonAndStderrAndDeadSinksSlowNothing() throws Exception {
        fx.start();
        Path crasher = fx.script("crasher", "echo \"starting with token $BOT_TOKEN\" >&2\necho 'fatal: cannot bind' >&2\n"
                + "exit 3");
        Path eco = fx.ecosystem("eco.json", DaemonFixture.app("crasher", crasher,
                "\"min_uptime\": \"1m\", \"max_restarts\": 3, " + notifyBlock(true)));
        fx.call("start", DaemonFixture.args().put("file", eco.toString()));

        await().atMost(WAIT).until(() -> webhook.events("errored").size() == 1);
        // The dead sink still holds the first message's connection (its timeout is 5 minutes): the crash
        // loop reached errored without waiting for it.
        assertThat(silent.openConnections()).isGreaterThanOrEqualTo(1);
        assertThat(status("crasher")).isEqualTo("errored");
        await().atMost(WAIT).until(() -> bot.messages().stream().anyMatch(m -> m.text().contains("errored")));

        JsonNode errored = webhook.events("errored").get(0);
        assertThat(errored.path("app").asText()).isEqualTo("crasher");
        assertThat(errored.path("reason").asText()).isEqualTo("crash_loop");
        assertThat(errored.path("detail").asText()).contains("crash loop: 3 unstable exits").contains("exit code 3");
        assertThat(errored.path("host").asText()).isNotEmpty();
        assertThat(errored.path("time").asText()).isNotEmpty();
        List<String> stderr = new ArrayList<>();
        errored.path("stderr").forEach(l -> stderr.add(l.asText()));
        assertThat(stderr).anyMatch(l -> l.contains("fatal: cannot bind"));
        assertThat(String.join("\n", stderr)).doesNotContain(TOKEN).contains("starting with token ••••");
        assertThat(errored.path("text").asText()).contains("crasher").contains("errored").contains("fatal: cannot bind");
        assertThat(webhook.received().get(0).headers().get("Authorization")).containsExactly("Bearer s3cr3t-value");
        // Three crashes, one minute of rate limit: one exit and one restart (reason crash) message, not three.
        assertThat(webhook.events("restart")).hasSize(1);
        assertThat(webhook.events("restart").get(0).path("reason").asText()).isEqualTo("crash");
        assertThat(webhook.events("exit")).hasSize(1);

        FakeBotApi.Message tg = bot.messages().stream().filter(m -> m.text().contains("errored")).findFirst().get();
        assertThat(tg.chatId()).isEqualTo("42");
        assertThat(tg.text()).contains("crash loop").contains("fatal: cannot bind");

        // The refused sink's failure is logged once, with no secret; later ones are only counted.
        await().atMost(WAIT).until(() -> logLines("notify: webhook http://127.0.0.1:" + refused + " failed") == 1);
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> webhook.events("errored").size() == 1
                && bot.messages().stream().filter(m -> m.text().contains("errored")).count() == 1);
        String log = Files.readString(fx.home.daemonLog());
        assertThat(log).doesNotContain(TOKEN).doesNotContain("s3cr3t-value");

        // Secrets stay references in what jsupd stores and shows.
        JsonNode config = fx.call("describe", DaemonFixture.args().put("target", "crasher")).at("/apps/0/config/notify");
        assertThat(config.at("/telegram/0/token").asText()).isEqualTo("${BOT_TOKEN}");
        assertThat(config.at("/webhook/0/headers/Authorization").asText()).isEqualTo("Bearer ${HOOK_SECRET}");
    }

    @Test
    void notifyTestReportsEachSinkThenHealthEventsAndDaemonRecoveredAfterAnUncleanEnd() throws Exception {
        Jsupd first = fx.start();
        Path app = fx.sleeper("quiet");
        Path ready = tmp.resolve("ready");
        String block = notifyBlock(false).replace("]", ", \"http://127.0.0.1:" + refused + "/refused\"]");
        String health = "\"health\": {\"exec\": [\"/bin/sh\", \"-c\", \"test -e " + ready + "\"], "
                + "\"interval\": \"200ms\", \"failures\": 2, \"initial_delay\": \"200ms\", \"action\": \"log\"}";
        Path eco = fx.ecosystem("eco.json", DaemonFixture.app("quiet", app, block + ", " + health));
        fx.call("start", DaemonFixture.args().put("file", eco.toString()));

        JsonNode result = fx.call("notify-test", DaemonFixture.args().put("app", "quiet"));
        assertThat(result.path("ok").asBoolean()).isFalse();
        List<String> lines = new ArrayList<>();
        result.path("sinks").forEach(s -> lines.add(s.path("sink").asText() + " " + s.path("ok").asBoolean() + " "
                + s.path("error").asText("")));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("webhook http://127.0.0.1:" + webhook.url("").split(":")[2] + " true");
        assertThat(lines.get(1)).startsWith("webhook http://127.0.0.1:" + refused + " false").contains("onnect");
        assertThat(lines.get(2)).isEqualTo("telegram chat 42 true ");
        assertThat(webhook.events("test")).hasSize(1);
        assertThat(bot.messages()).anyMatch(m -> m.text().contains("test"));

        // Health: failing up to the threshold, then passing again.
        await().atMost(WAIT).until(() -> webhook.events("health_failed").size() == 1);
        assertThat(webhook.events("health_failed").get(0).path("detail").asText())
                .contains("test -e " + ready).contains("2 in a row");
        Files.createFile(ready);
        await().atMost(WAIT).until(() -> webhook.events("health_recovered").size() == 1);
        assertThat(webhook.events("health_recovered").get(0).path("reason").asText()).isEqualTo("health");

        // An unclean end: state.json left behind, as after a SIGKILL of jsupd.
        await().atMost(WAIT).until(() -> Files.exists(fx.home.state())
                && Files.readString(fx.home.state()).contains("quiet"));
        byte[] state = Files.readAllBytes(fx.home.state());
        first.close();
        Files.write(fx.home.state(), state);
        fx.start();
        await().atMost(WAIT).until(() -> webhook.events("daemon_recovered").size() == 1);
        assertThat(webhook.events("daemon_recovered").get(0).path("app").asText()).isEqualTo("jsupd");
    }

    @Test
    void inotifyNearTheLimitIsSentOnceWithTheFigures() throws Exception {
        // The seam: the kernel's limits come from files of this test, and the user's processes are only
        // the app's shell, which holds one inotify instance with 8 watches that only this ProcFs sees.
        // So neither the machine's real figures nor a scan of all its processes come into it.
        Path pidFile = tmp.resolve("watcher.pid");
        Path app = fx.script("watcher", "echo $$ > " + pidFile + "\ntrap 'exit 0' TERM\nwhile true; do sleep 0.2; done");
        Path limits = DaemonFixture.mkdirs(tmp.resolve("proc-limits/sys/fs/inotify"));
        Files.writeString(limits.resolve("max_user_watches"), "10\n");
        Files.writeString(limits.resolve("max_user_instances"), "1000000\n");
        int fakeFd = 999_999;
        ProcFs fixture = new ProcFs(Path.of("/proc")) {
            @Override
            public Path file(String relative) {
                return relative.startsWith("sys/fs/inotify/") ? tmp.resolve("proc-limits").resolve(relative)
                        : super.file(relative);
            }

            @Override
            public List<Integer> pids() {
                return List.of(appPid());
            }

            @Override
            public Map<Integer, String> fdTargets(int pid) {
                Map<Integer, String> targets = new TreeMap<>(super.fdTargets(pid));
                if (pid == appPid()) {
                    targets.put(fakeFd, "anon_inode:inotify");
                }
                return targets;
            }

            @Override
            public Optional<String> fdInfo(int pid, int fd) {
                return fd == fakeFd ? Optional.of("pos:\t0\n" + "inotify wd:1 ino:1 sdev:0 mask:fce\n".repeat(8))
                        : super.fdInfo(pid, fd);
            }

            private int appPid() {
                try {
                    return Integer.parseInt(Files.readString(pidFile).strip());
                } catch (IOException | NumberFormatException e) {
                    return -1; // not started yet
                }
            }
        };
        fx.start(fixture);
        String health = "\"health\": {\"inotify_warn\": 0.8, \"interval\": \"300ms\", \"initial_delay\": \"200ms\"}";
        Path eco = fx.ecosystem("eco.json", DaemonFixture.app("watcher", app, notifyBlock(false) + ", " + health));
        fx.call("start", DaemonFixture.args().put("file", eco.toString()));

        await().atMost(WAIT).until(() -> webhook.events("inotify_near_limit").size() == 1);
        JsonNode event = webhook.events("inotify_near_limit").get(0);
        assertThat(event.path("app").asText()).isEqualTo("watcher");
        assertThat(event.path("reason").asText()).isEqualTo("inotify");
        assertThat(event.path("detail").asText()).contains("of 10 watches").contains("warning at 80%")
                .contains("this app holds 8 watches in 1 instances").contains("fs.inotify.max_user_watches=");
        assertThat(event.path("text").asText()).contains("watcher").contains("inotify_near_limit");
        await().atMost(WAIT).until(() -> bot.messages().stream().anyMatch(m -> m.text().contains("inotify")));
        assertThat(event.path("detail").asText()).contains("uid " + fx.call("describe",
                DaemonFixture.args().put("target", "watcher")).at("/apps/0/inotify/uid").asInt() + " holds 8 of 10");
        // Still near the limit at every round (300 ms): told once, not at each round.
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> webhook.events("inotify_near_limit").size() == 1);
    }

    private String status(String app) throws Exception {
        return fx.call("describe", DaemonFixture.args().put("target", app)).at("/apps/0/status").asText();
    }

    private long logLines(String text) throws Exception {
        return Files.readAllLines(fx.home.daemonLog()).stream().filter(l -> l.contains(text)).count();
    }
}
