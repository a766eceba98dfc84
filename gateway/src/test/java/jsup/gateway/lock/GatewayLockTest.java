package jsup.gateway.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import jsup.gateway.testing.CapturedLog;
import jsup.healthmon.proc.ProcFs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock in one JVM; {@code GatewayProcessTest} covers two gateway processes. */
class GatewayLockTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SELF = (int) ProcessHandle.current().pid();

    @TempDir
    Path dir;

    private Process sleeper;
    private CapturedLog log;

    @BeforeEach
    void setUp() {
        log = CapturedLog.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        log.close();
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
        try (var files = Files.list(lock.file().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("written through a temp file renamed into place, none left behind")
                    .containsExactlyInAnyOrder("gateway.abcd1234.lock", "gateway.abcd1234.flock");
        }

        held.release();
        assertThat(lock.file()).doesNotExist();
        writeLock(lock, new LockPayload(SELF + 1L, "x", "y", 1L));
        held.release();
        assertThat(lock.file()).as("a second release leaves someone else's lock alone").exists();
    }

    @Test
    void anEmptyLockFileThatNobodyHoldsIsTakenOverAtOnce() throws Exception {
        GatewayLock lock = lock();
        Files.createDirectories(lock.file().getParent());
        Files.write(lock.file(), new byte[0]);

        try (HeldLock held = lock.acquire(Duration.ZERO)) {
            assertThat(held.payload().pid()).isEqualTo(SELF);
            assertThat(GatewayLock.read(lock.file())).isEqualTo(held.payload());
        }
        assertThat(log.linesWith("took over stale gateway lock", "empty or unreadable")).hasSize(1);
    }

    @Test
    void takesOverALockWhoseOwnerIsDead() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        GatewayLock lock = lock();
        writeLock(lock, new LockPayload(done.pid(), "2026-01-29T19:50:00Z", "/root/.moltbot/moltbot.json", 12345L));

        try (HeldLock held = lock.acquire(Duration.ZERO)) {
            assertThat(held.payload().pid()).isEqualTo(SELF);
        }
        assertThat(log.linesWith("took over stale gateway lock", "pid " + done.pid(), "which is no longer running")).hasSize(1);
    }

    @Test
    void takesOverALockWhosePidWasReusedAndSaysSo() throws Exception {
        long realStart = ProcFs.SYSTEM.stat(SELF).orElseThrow().startTime();
        GatewayLock lock = lock();
        // Same pid as a live process (this JVM), different start time: the owner is gone and the pid was reused.
        writeLock(lock, new LockPayload(SELF, "2026-01-29T19:50:00Z", "/root/.moltbot/moltbot.json", realStart - 1));

        try (HeldLock held = lock.acquire(Duration.ZERO)) {
            assertThat(held.payload().startTime()).isEqualTo(realStart);
        }
        assertThat(log.linesWith("took over stale gateway lock", "pid " + SELF + " now belongs to another process")).hasSize(1);
    }

    @Test
    void aLiveProcessNamedInTheFileDoesNotHoldTheLockWithoutTheOsLock() throws Exception {
        sleeper = new ProcessBuilder("sleep", "30").start();
        int pid = (int) sleeper.pid();
        GatewayLock lock = lock();
        writeLock(lock, new LockPayload(pid, "2026-01-29T19:50:00Z", "/x", ProcFs.SYSTEM.stat(pid).orElseThrow().startTime()));

        try (HeldLock held = lock.acquire(Duration.ZERO)) {
            assertThat(held.payload().pid()).isEqualTo(SELF);
        }
        assertThat(log.linesWith("took over stale gateway lock", "pid " + pid, "does not hold the OS lock")).hasSize(1);
    }

    @Test
    void aHeldLockIsWaitedForThenNamedWithAFix() throws Exception {
        GatewayLock lock = lock();
        try (HeldLock first = lock.acquire(Duration.ZERO)) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> lock().acquire(Duration.ofMillis(300)))
                    .isInstanceOf(LockHeldException.class)
                    .hasMessageContaining("gateway already running: pid " + SELF)
                    .hasMessageContaining("lock timeout after 300ms")
                    .hasMessageContaining("Stop it first (jsup stop <app>, or kill " + SELF + ")");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(300), Duration.ofSeconds(30));
            assertThat(GatewayLock.read(lock.file())).as("a held lock's file is never replaced").isEqualTo(first.payload());

            Files.write(lock.file(), new byte[0]);
            assertThatThrownBy(() -> lock().acquire(Duration.ZERO))
                    .as("an unreadable file still gets a hint")
                    .hasMessageContaining("its owner file " + lock.file() + " is missing or unreadable")
                    .hasMessageContaining("lslocks | grep gateway.abcd1234.flock");
        }
        try (HeldLock again = lock().acquire(Duration.ZERO)) {
            assertThat(again.payload().pid()).isEqualTo(SELF);
        }
    }

    @Test
    void theDefaultPathFollowsUpstream() {
        Path file = GatewayLock.defaultFile(Path.of("/tmp"), Path.of("/root/.moltbot/moltbot.json"));
        assertThat(file.getParent().getFileName().toString()).matches("moltbot-\\d+");
        assertThat(file.getFileName().toString()).matches("gateway\\.[0-9a-f]{8}\\.lock");
        assertThat(GatewayLock.defaultFile(Path.of("/tmp"), Path.of("/other.json"))).isNotEqualTo(file);
        assertThat(new GatewayLock(file, Path.of("/x"), ProcFs.SYSTEM, Clock.systemUTC()).osLockFile().getFileName().toString())
                .matches("gateway\\.[0-9a-f]{8}\\.flock");
    }
}
