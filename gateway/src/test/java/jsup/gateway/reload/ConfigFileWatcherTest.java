package jsup.gateway.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import jsup.gateway.testing.CapturedLog;
import jsup.gateway.testing.ConfigFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileWatcherTest {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration DEBOUNCE = Duration.ofMillis(50);

    @TempDir
    Path dir;

    private Path config;
    private final AtomicInteger changes = new AtomicInteger();
    private ConfigFileWatcher watcher;
    private CapturedLog log;

    @BeforeEach
    void setUp() throws IOException {
        config = dir.resolve("moltbot.json");
        Files.writeString(config, "{}");
        log = CapturedLog.open();
    }

    @AfterEach
    void tearDown() {
        if (watcher != null) {
            watcher.close();
        }
        log.close();
    }

    private ConfigFileWatcher watcher(DirectoryWatchOpener opener, Runnable onChange) {
        watcher = new ConfigFileWatcher(config, opener, POLL, DEBOUNCE, onChange);
        watcher.start();
        return watcher;
    }

    @Test
    void oneWatchOnTheFolderSeesRewritesOfTheConfigAndTheDotEnv() {
        AtomicInteger opened = new AtomicInteger();
        watcher(dir -> {
            opened.incrementAndGet();
            return DirectoryWatchOpener.SYSTEM.open(dir);
        }, changes::incrementAndGet);
        assertThat(watcher.mode()).isEqualTo(ConfigFileWatcher.Mode.WATCHING);
        assertThat(opened).hasValue(1);

        ConfigFiles.write(config, "{ \"commands\": { \"restart\": true } }");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(changes).hasValue(1));

        ConfigFiles.write(dir.resolve(".env"), "A=1\n");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(changes).hasValue(2));
        assertThat(opened).as("still the one watch").hasValue(1);
    }

    @Test
    void aWatchThatCannotBeCreatedFallsBackToPolling() {
        watcher(dir -> {
            throw new IOException("User limit of inotify watches reached");
        }, changes::incrementAndGet);

        assertThat(watcher.mode()).isEqualTo(ConfigFileWatcher.Mode.POLLING);
        assertThat(watcher.fallbackReason()).contains("User limit of inotify watches reached");
        assertThat(log.linesWith("WARN", "User limit of inotify watches reached", "polling", "every 100 ms")).hasSize(1);

        ConfigFiles.write(config, "{ \"gateway\": { \"port\": 1234 } }");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(changes).hasValue(1));
        ConfigFiles.write(config, "{ \"gateway\": { \"port\": 12345 } }");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(changes).hasValue(2));
    }

    @Test
    void aWatchThatFailsLaterFallsBackToPolling() throws Exception {
        AtomicReference<WatchService> service = new AtomicReference<>();
        watcher(dir -> {
            service.set(DirectoryWatchOpener.SYSTEM.open(dir));
            return service.get();
        }, changes::incrementAndGet);
        assertThat(watcher.mode()).isEqualTo(ConfigFileWatcher.Mode.WATCHING);

        service.get().close(); // what the watch thread sees when the service dies under it

        await().atMost(Duration.ofSeconds(30)).until(() -> watcher.mode() == ConfigFileWatcher.Mode.POLLING);
        ConfigFiles.write(config, "{ \"commands\": { \"restart\": false } }");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(changes).hasValue(1));
    }

    @Test
    void aMissingFolderIsPolledUntilTheConfigAppears() throws Exception {
        config = dir.resolve("not-yet/moltbot.json");
        watcher(DirectoryWatchOpener.SYSTEM, changes::incrementAndGet);
        assertThat(watcher.mode()).isEqualTo(ConfigFileWatcher.Mode.POLLING);

        ConfigFiles.write(config, "{}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(changes).hasValue(1));
    }

    @Test
    void aFailingReloadIsLoggedAndWatchingGoesOn() {
        watcher(dir -> {
            throw new IOException("no inotify");
        }, () -> {
            changes.incrementAndGet();
            throw new IllegalStateException("reload blew up");
        });

        ConfigFiles.write(config, "{ \"a\": 1 }");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(changes).hasValue(1));
        ConfigFiles.write(config, "{ \"a\": 22 }");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(changes).hasValue(2));
        assertThat(log.linesWith("config reload failed unexpectedly")).isNotEmpty();
    }
}
