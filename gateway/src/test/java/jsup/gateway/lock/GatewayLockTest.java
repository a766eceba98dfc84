package jsup.gateway.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import jsup.healthmon.proc.ProcFs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayLockTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SELF = (int) ProcessHandle.current().pid();

    @TempDir
    Path dir;

    private Process sleeper;

    @AfterEach
    void tearDown() throws Exception {
        if (sleeper != null) {
            sleeper.destroyForcibly();
            sleeper.waitFor();
        }
    }

    private GatewayLock lock() {
        return new GatewayLock(dir.resolve("moltbot-0/gateway.abcd1234.lock"), dir.resolve("moltbot.json"), ProcFs.SYSTEM, Clock.systemUTC());
    }

    private void writeLock(GatewayLock lock, LockPayload payload) throws Exception {
        Files.createDirectories(lock.file().getParent());
        Files.write(lock.file(), JSON.writeValueAsBytes(payload));
    }

    @Test
    void writesUpstreamsPayloadAndReleasesOnlyItsOwnFile() throws Exception {
        GatewayLock lock = lock();
        HeldLock held = lock.acquire(Duration.ofMillis(100));

        var json = JSON.readTree(Files.readString(lock.file()));
        assertThat(json.path("pid").asLong()).isEqualTo(SELF);
        assertThat(json.path("configPath").asText()).isEqualTo(dir.resolve("moltbot.json").toString());
        assertThat(Instant.parse(json.path("createdAt").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(json.path("startTime").asLong()).isEqualTo(ProcFs.SYSTEM.stat(SELF).orElseThrow().startTime());

        held.release();
        assertThat(lock.file()).doesNotExist();
        writeLock(lock, new LockPayload(SELF + 1L, "x", "y", 1L));
        held.release();
        assertThat(lock.file()).as("a second release leaves someone else's lock alone").exists();
    }

    @Test
    void takesOverALockWhoseOwnerIsDead() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        GatewayLock lock = lock();
        writeLock(lock, new LockPayload(done.pid(), "2026-01-29T19:50:00Z", "/root/.moltbot/moltbot.json", 12345L));

        try (HeldLock held = lock.acquire(Duration.ofMillis(200))) {
            assertThat(held.payload().pid()).isEqualTo(SELF);
        }
    }

    @Test
    void takesOverALockWhosePidWasReusedByAnotherProcess() throws Exception {
        long realStart = ProcFs.SYSTEM.stat(SELF).orElseThrow().startTime();
        GatewayLock lock = lock();
        // Same pid as a live process (this JVM), different start time: the owner is gone and the pid was reused.
        writeLock(lock, new LockPayload(SELF, "2026-01-29T19:50:00Z", "/root/.moltbot/moltbot.json", realStart - 1));

        try (HeldLock held = lock.acquire(Duration.ofMillis(200))) {
            assertThat(held.payload().startTime()).isEqualTo(realStart);
        }
    }

    @Test
    void waitsForALiveOwnerThenNamesIt() throws Exception {
        sleeper = new ProcessBuilder("sleep", "30").start();
        int pid = (int) sleeper.pid();
        long start = ProcFs.SYSTEM.stat(pid).orElseThrow().startTime();
        GatewayLock lock = lock();
        writeLock(lock, new LockPayload(pid, "2026-01-29T19:50:00Z", "/root/.moltbot/moltbot.json", start));

        long t0 = System.nanoTime();
        assertThatThrownBy(() -> lock.acquire(Duration.ofMillis(300)))
                .isInstanceOf(LockHeldException.class)
                .hasMessageContaining("gateway already running: pid " + pid)
                .hasMessageContaining("lock timeout after 300ms")
                .hasMessageContaining("kill " + pid);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(300), Duration.ofSeconds(30));
        assertThat(lock.file()).as("a live owner's lock is never removed").exists();
    }

    @Test
    void takesTheLockOnceTheLiveOwnerGoesAway() throws Exception {
        sleeper = new ProcessBuilder("sleep", "0.4").start(); // a live owner that exits during the wait
        int pid = (int) sleeper.pid();
        GatewayLock lock = lock();
        writeLock(lock, new LockPayload(pid, "2026-01-29T19:50:00Z", "/x", ProcFs.SYSTEM.stat(pid).orElseThrow().startTime()));
        Thread reaper = new Thread(() -> {
            try {
                sleeper.waitFor(); // reap it, so it does not linger as a zombie
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        reaper.start();
        try (HeldLock held = lock.acquire(Duration.ofSeconds(3))) {
            assertThat(held.payload().pid()).isEqualTo(SELF);
        }
        reaper.join();
    }

    @Test
    void anOldUnreadableLockIsStaleButAFreshOneIsWaitedFor() throws Exception {
        GatewayLock lock = lock();
        Files.createDirectories(lock.file().getParent());
        Files.writeString(lock.file(), "not json");
        assertThatThrownBy(() -> lock.acquire(Duration.ofMillis(150))).isInstanceOf(LockHeldException.class)
                .hasMessageContaining("an unreadable lock owner");

        Files.setLastModifiedTime(lock.file(), FileTime.from(Instant.now().minus(GatewayLock.UNREADABLE_STALE_AFTER).minusSeconds(1)));
        try (HeldLock held = lock.acquire(Duration.ofMillis(150))) {
            assertThat(held.payload().pid()).isEqualTo(SELF);
        }
    }

    @Test
    void theDefaultPathFollowsUpstream() {
        Path file = GatewayLock.defaultFile(Path.of("/tmp"), Path.of("/root/.moltbot/moltbot.json"));
        assertThat(file.getParent().getFileName().toString()).matches("moltbot-\\d+");
        assertThat(file.getFileName().toString()).matches("gateway\\.[0-9a-f]{8}\\.lock");
        assertThat(GatewayLock.defaultFile(Path.of("/tmp"), Path.of("/other.json"))).isNotEqualTo(file);
    }
}
