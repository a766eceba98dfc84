package jsup.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ControlSupervisorLink} against a real jsupd running real shell apps. */
class ControlSupervisorLinkTest {

    @TempDir
    static Path dir;
    private static JsupdProcess jsupd;
    private static ControlSupervisorLink link;

    @BeforeAll
    static void startDaemonWithApps() throws Exception {
        jsupd = JsupdProcess.start(dir);
        Path sleeper = jsupd.script("sleeper", "trap 'exit 0' TERM\nwhile true; do sleep 0.2; done");
        Path talker = jsupd.script("talker", """
                i=1; while [ $i -le 120 ]; do echo "line $i"; i=$((i+1)); done
                echo "oops 1" >&2; echo "oops 2" >&2
                trap 'exit 0' TERM
                while true; do sleep 0.2; done""");
        Path chatty = jsupd.script("chatty", """
                long=$(printf '%01000d' 0)
                i=1; while [ $i -le 60 ]; do echo "row $i $long"; i=$((i+1)); done
                echo "chatty failed once" >&2
                trap 'exit 0' TERM
                while true; do sleep 0.2; done""");
        jsupd.startApps("[" + app("sleeper", sleeper) + "," + app("restartee", sleeper) + ","
                + app("talker", talker) + "," + app("chatty", chatty) + "]");
        link = new ControlSupervisorLink(jsupd.home);
    }

    private static String app(String name, Path script) {
        return "{\"name\": \"" + name + "\", \"script\": \"" + script + "\", \"interpreter\": \"/bin/sh\","
                + " \"min_uptime\": 200, \"kill_timeout\": 1000}";
    }

    @AfterAll
    static void stopDaemon() {
        if (jsupd != null) {
            jsupd.close();
        }
    }

    @Test
    void statusTableListsTheSupervisedAppsAsJsupListDoes() throws Exception {
        long pid = jsupd.app("sleeper").path("pid").asLong();
        assertThat(pid).isPositive();
        assertThat(link.reachable()).isTrue();
        assertThat(link.unreachableReason()).isEmpty();

        String table = link.statusTable().orElseThrow();

        List<String> lines = table.lines().toList();
        assertThat(lines.get(0).split("\\s+")).containsExactly("id", "name", "pid", "status", "↺", "uptime", "cpu", "mem", "health");
        String sleeperRow = lines.stream().filter(l -> l.split("\\s+")[1].equals("sleeper")).findFirst().orElseThrow();
        assertThat(sleeperRow.split("\\s+")).startsWith("0", "sleeper", Long.toString(pid), "online").endsWith("none");
        assertThat(lines).hasSize(5); // heading + 4 apps
        assertThat(table).doesNotContain("┌", "│", "\u001b[");
    }

    @Test
    void logTailReturnsTheLastLinesOfTheOutAndErrorFiles() throws Exception {
        JsonNode talker = jsupd.app("talker");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(Path.of(talker.path("error_file").asText()))
                && Files.readString(Path.of(talker.path("error_file").asText())).contains("oops 2"));

        List<String> tail = link.logTail("talker", 3);

        assertThat(tail).containsExactly("── out (talker-out.log) ──", "line 118", "line 119", "line 120",
                "── error (talker-error.log) ──", "oops 1", "oops 2");
        // A numeric id names the app as it does for jsup.
        assertThat(link.logTail(talker.path("id").asText(), 1)).contains("line 120");
    }

    @Test
    void logTailIsCappedAtFiftyLinesAndOneChatMessage() throws Exception {
        List<String> talkerTail = link.logTail("talker", 200);
        assertThat(talkerTail.stream().filter(l -> l.startsWith("line "))).hasSize(AppLogExcerpt.MAX_LINES);
        assertThat(talkerTail).contains("line 71", "line 120").doesNotContain("line 70");

        await().atMost(Duration.ofSeconds(30)).until(() -> link.logTail("chatty", 50).contains("chatty failed once"));
        List<String> chatty = link.logTail("chatty", 50);
        assertThat(String.join("\n", chatty).length()).isLessThanOrEqualTo(AppLogExcerpt.MAX_CHARS);
        assertThat(chatty).anySatisfy(l -> assertThat(l).startsWith("row 60 ")); // the newest line survives
        assertThat(chatty).noneSatisfy(l -> assertThat(l).startsWith("row 1 ")); // the oldest went first
        assertThat(chatty).filteredOn(l -> l.startsWith("row ")).allSatisfy(l ->
                assertThat(l).hasSize(AppLogExcerpt.MAX_LINE_CHARS).endsWith("…"));
        assertThat(chatty).endsWith("── error (chatty-error.log) ──", "chatty failed once");
    }

    @Test
    void logTailOfAnUnknownAppOrAGroupSaysSo() {
        assertThatThrownBy(() -> link.logTail("nope", 10)).isInstanceOf(IOException.class)
                .hasMessage("jsupd has no app named \"nope\"; /status lists the apps it supervises");
        assertThatThrownBy(() -> link.logTail("all", 10)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("\"all\" is a group of 4 apps (sleeper, restartee, talker, chatty), not one app");
    }

    @Test
    void restartGoesThroughJsupdAndRecordsAManualRestart() throws Exception {
        JsonNode before = jsupd.app("restartee");
        long oldPid = before.path("pid").asLong();
        assertThat(oldPid).isPositive();

        link.restart("restartee");

        JsonNode after = jsupd.app("restartee");
        assertThat(after.path("pid").asLong()).isPositive().isNotEqualTo(oldPid);
        assertThat(after.path("restarts").asInt()).isEqualTo(before.path("restarts").asInt() + 1);
        JsonNode history = after.path("restart_history");
        assertThat(history.get(history.size() - 1).path("reason").asText()).isEqualTo("manual");
        assertThat(ProcessHandle.of(oldPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(jsupd.app("sleeper").path("restarts").asInt()).isZero(); // nothing else was touched
    }

    @Test
    void restartOfAnUnknownAppIsRefusedByName() {
        assertThatThrownBy(() -> link.restart("ghost")).isInstanceOf(IOException.class)
                .hasMessage("jsupd has no app named \"ghost\"; /status lists the apps it supervises");
    }

    @Test
    void aHomeWithoutJsupdIsReportedHonestly() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-daemon"));
        ControlSupervisorLink absent = new ControlSupervisorLink(empty);

        assertThat(absent.reachable()).isFalse();
        assertThat(absent.unreachableReason()).startsWith("no jsupd is running for " + empty)
                .contains("jsup.sock does not exist");
        assertThat(absent.statusTable()).isEmpty();
        assertThatThrownBy(() -> absent.logTail("sleeper", 5)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("jsupd is not reachable: no jsupd is running for " + empty);
        assertThatThrownBy(() -> absent.restart("sleeper")).isInstanceOf(IOException.class)
                .hasMessageStartingWith("jsupd is not reachable:");
    }

    @Test
    void aSocketNobodyListensOnIsReportedHonestly() throws Exception {
        // What a jsupd killed with SIGKILL leaves behind: the socket file, with no listener.
        Path dead = Files.createDirectories(dir.resolve("dead-daemon"));
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(dead.resolve("jsup.sock")));
        }
        ControlSupervisorLink stale = new ControlSupervisorLink(dead);

        assertThat(stale.reachable()).isFalse();
        assertThat(stale.unreachableReason()).startsWith("cannot connect to jsupd at " + dead.resolve("jsup.sock"))
                .contains("is it running?");
        assertThat(stale.statusTable()).isEmpty();
    }
}
