package jsup.supervisor.prestart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcessIdentity;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.config.PreStartStep;
import jsup.supervisor.log.TestApps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleLocksTest {

    @TempDir
    Path dir;

    private final List<String> messages = new ArrayList<>();
    private final List<Process> children = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.now());

    @AfterEach
    void killChildren() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void aLockOfADeadPidIsRemovedWithItsReason() throws Exception {
        int dead = deadPid();
        Path lock = Files.writeString(dir.resolve("gateway.lock"), Integer.toString(dead));

        PreStartResult result = runner().run(app("*.lock"));

        assertThat(result.ok()).isTrue();
        assertThat(lock).doesNotExist();
        assertThat(messages).containsExactly("removed stale lock " + lock + ": pid " + dead + " is not running");
    }

    @Test
    void aLockWhosePidWasReusedIsRemoved() throws Exception {
        ProcessIdentity me = self();
        Path lock = Files.writeString(dir.resolve("gateway.lock"), upstreamLock(me.pid(), me.startTime() + 17));

        runner().run(app("*.lock"));

        assertThat(lock).doesNotExist();
        assertThat(messages).singleElement().asString()
                .contains("pid " + me.pid() + " was reused")
                .contains("start time " + (me.startTime() + 17) + " in the lock");
    }

    @Test
    void aLiveOwnersLockIsKeptWhateverItsAge() throws Exception {
        ProcessIdentity me = self();
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        children.add(sleeper);
        Path json = Files.writeString(dir.resolve("json.lock"), upstreamLock(me.pid(), me.startTime()));
        Path plain = Files.writeString(dir.resolve("plain.lock"), sleeper.pid() + "\n");
        Path noStart = Files.writeString(dir.resolve("nostart.lock"), "{\"pid\": " + sleeper.pid() + "}");
        clock.advance(Duration.ofHours(1));

        runner().run(app("*.lock"));

        assertThat(json).exists();
        assertThat(plain).exists();
        assertThat(noStart).exists();
        assertThat(messages).isEmpty();
    }

    @Test
    void anUnreadableLockIsKeptWhileFreshAndRemovedAfterThirtySeconds() throws Exception {
        Path lock = Files.writeString(dir.resolve("gateway.lock"), "not a pid");
        Files.setLastModifiedTime(lock, FileTime.from(clock.instant()));
        AppSpec app = app("*.lock");

        clock.advance(Duration.ofSeconds(29));
        runner().run(app);
        assertThat(lock).exists();

        clock.advance(Duration.ofSeconds(2));
        runner().run(app);
        assertThat(lock).doesNotExist();
        assertThat(messages).singleElement().asString()
                .startsWith("removed stale lock " + lock + ": it holds no pid and is 31s old");
    }

    @Test
    void theGlobExpandsHomeAndDoubleStarAndOnlyMatchingFilesAreTouched() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path deep = Files.createDirectories(home.resolve(".moltbot/a/b"));
        int dead = deadPid();
        Path nested = Files.writeString(deep.resolve("x.lock"), Integer.toString(dead));
        Path other = Files.writeString(deep.resolve("x.pid"), Integer.toString(dead));
        AppSpec app = TestApps.app("g", dir).env("HOME", home.toString())
                .preStart(new PreStartStep.ClearStaleLocks("~/.moltbot/**.lock")).build();

        assertThat(runner().run(app).ok()).isTrue();

        assertThat(nested).doesNotExist();
        assertThat(other).exists();
    }

    @Test
    void theLockFormatsAreParsed() {
        assertThat(StaleLocks.parseOwner(" 4242\n")).contains(new StaleLocks.LockOwner(4242, -1));
        assertThat(StaleLocks.parseOwner(upstreamLock(77, 123456))).contains(new StaleLocks.LockOwner(77, 123456));
        assertThat(StaleLocks.parseOwner("{\"pid\":\"88\",\"startTime\":\"9\"}")).contains(new StaleLocks.LockOwner(88, 9));
        assertThat(StaleLocks.parseOwner("{\"createdAt\":\"x\"}")).isEmpty();
        assertThat(StaleLocks.parseOwner("{\"pid\":5,\"startTime\":\"soon\"}")).isEmpty();
        assertThat(StaleLocks.parseOwner("0")).isEmpty();
        assertThat(StaleLocks.parseOwner("")).isEmpty();
    }

    private PreStartRunner runner() {
        return new PreStartRunner(ProcFs.SYSTEM, clock, messages::add);
    }

    private AppSpec app(String glob) {
        return TestApps.app("locky", dir).preStart(new PreStartStep.ClearStaleLocks(dir + "/" + glob)).build();
    }

    private static ProcessIdentity self() {
        int pid = (int) ProcessHandle.current().pid();
        return ProcFs.SYSTEM.identity(pid).orElseThrow();
    }

    /** The upstream gateway's lock payload. */
    private static String upstreamLock(int pid, long startTime) {
        return "{\"pid\":" + pid + ",\"createdAt\":\"2026-01-01T00:00:00.000Z\",\"configPath\":\"/x/moltbot.json\","
                + "\"startTime\":" + startTime + "}";
    }

    private static int deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        assertThat(p.waitFor(5, TimeUnit.SECONDS)).isTrue();
        return (int) p.pid();
    }
}
