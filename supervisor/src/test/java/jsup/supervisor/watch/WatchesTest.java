package jsup.supervisor.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import jsup.supervisor.config.WatchSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real inotify on a temp tree; the limits run out through a seam, not the machine's sysctls. */
class WatchesTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path cwd;

    private final List<String> restarts = new CopyOnWriteArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private Watches watches;

    @AfterEach
    void close() {
        if (watches != null) {
            watches.close();
        }
    }

    private Watches watches(InotifyApi api) {
        watches = new Watches(api, Duration.ofMillis(100), restarts::add, (app, w) -> warnings.add(app + ": " + w));
        return watches;
    }

    private WatchSpec spec(Duration delay, Path... paths) {
        return new WatchSpec(List.of(paths), WatchSpec.DEFAULT_IGNORE, delay);
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void aChangeRestartsOnceAfterTheTreeIsQuiet() throws IOException {
        write(cwd.resolve("src/a.txt"), "1");
        watches(LinuxInotify.INSTANCE).set("web", spec(Duration.ofMillis(300), cwd), cwd);
        for (int i = 0; i < 5; i++) {
            write(cwd.resolve("src/a.txt"), "v" + i);
        }
        await().atMost(WAIT).until(() -> restarts.size() == 1);
        assertThat(restarts).containsExactly("web");
        assertThat(watches.status("web").orElseThrow().mode()).isEqualTo("inotify");
    }

    @Test
    void oneInstanceRecursiveIgnoredFoldersGetNoWatchAndNewFoldersDo() throws IOException {
        Files.createDirectories(cwd.resolve("src/lib/deep"));
        Files.createDirectories(cwd.resolve("node_modules/pkg/sub"));
        Files.createDirectories(cwd.resolve(".git/objects"));
        watches(LinuxInotify.INSTANCE).set("web", spec(Duration.ZERO, cwd), cwd);
        // cwd, src, src/lib, src/lib/deep: node_modules and .git are skipped before they get a watch.
        assertThat(watches.status("web").orElseThrow().watches()).isEqualTo(4);

        Files.createDirectories(cwd.resolve("src/new"));
        await().atMost(WAIT).until(() -> watches.status("web").orElseThrow().watches() == 5);
        await().atMost(WAIT).until(() -> !restarts.isEmpty()); // the folder itself is a change
        int before = restarts.size();
        write(cwd.resolve("src/new/file.txt"), "x");
        await().atMost(WAIT).until(() -> restarts.size() > before);
    }

    @Test
    void aWatchedFileIsFollowedThroughAReplaceByRename() throws IOException {
        Path config = write(cwd.resolve("app.json"), "{}");
        watches(LinuxInotify.INSTANCE).set("web", spec(Duration.ZERO, config), cwd);
        Path tmp = write(cwd.resolve("app.json.tmp"), "{\"v\":2}");
        Files.move(tmp, config, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        await().atMost(WAIT).until(() -> !restarts.isEmpty());
    }

    @Test
    void ignoreRulesMatchNamesAndPathsRelativeToTheCwd() {
        IgnoreRules rules = new IgnoreRules(cwd, List.of("node_modules", "*.log", "tmp/**", ".*"));
        assertThat(rules.ignored(cwd.resolve("a/node_modules"))).isTrue();
        assertThat(rules.ignored(cwd.resolve("logs/out.log"))).isTrue();
        assertThat(rules.ignored(cwd.resolve("tmp/cache/x"))).isTrue();
        assertThat(rules.ignored(cwd.resolve("src/.hidden"))).isTrue();
        assertThat(rules.ignored(cwd.resolve("src/app.js"))).isFalse();
        assertThat(rules.ignored(cwd)).isFalse();
    }

    @Test
    void watchesRunningOutAtSetUpFallsBackToPollingWithAWarningAndKeepsWorking() throws IOException {
        Files.createDirectories(cwd.resolve("a/b/c"));
        watches(new LimitedInotify(2, false)).set("web", spec(Duration.ZERO, cwd), cwd);
        Watches.Status status = watches.status("web").orElseThrow();
        assertThat(status.mode()).isEqualTo("polling");
        assertThat(status.warning()).contains("ENOSPC").contains("max_user_watches").contains("polling");
        assertThat(warnings).singleElement().asString().startsWith("web: inotify: ");

        write(cwd.resolve("a/b/c/changed.txt"), "x");
        await().atMost(WAIT).until(() -> !restarts.isEmpty());
    }

    @Test
    void noInstanceLeftFallsBackToPolling() throws IOException {
        watches(new LimitedInotify(100, true)).set("web", spec(Duration.ZERO, cwd), cwd);
        assertThat(watches.status("web").orElseThrow().warning()).contains("EMFILE");
        write(cwd.resolve("x.txt"), "x");
        await().atMost(WAIT).until(() -> !restarts.isEmpty());
    }

    @Test
    void aLimitReachedLaterForANewFolderAlsoFallsBack() throws IOException {
        Files.createDirectories(cwd.resolve("a"));
        watches(new LimitedInotify(2, false)).set("web", spec(Duration.ZERO, cwd), cwd);
        assertThat(watches.status("web").orElseThrow().mode()).isEqualTo("inotify");
        Files.createDirectories(cwd.resolve("a/new"));
        await().atMost(WAIT).until(() -> "polling".equals(watches.status("web").orElseThrow().mode()));
        int before = restarts.size();
        write(cwd.resolve("a/new/file.txt"), "x");
        await().atMost(WAIT).until(() -> restarts.size() > before);
    }

    @Test
    void removingStopsWatching() throws IOException {
        watches(LinuxInotify.INSTANCE).set("web", spec(Duration.ZERO, cwd), cwd);
        watches.remove("web");
        assertThat(watches.status("web")).isEmpty();
    }

    /** The kernel's inotify with a lower limit: ENOSPC after {@code maxWatches}, or EMFILE at once. */
    private static final class LimitedInotify implements InotifyApi {
        private final int maxWatches;
        private final boolean noInstances;
        private final AtomicInteger added = new AtomicInteger();

        LimitedInotify(int maxWatches, boolean noInstances) {
            this.maxWatches = maxWatches;
            this.noInstances = noInstances;
        }

        @Override
        public int init() throws InotifyException {
            if (noInstances) {
                throw new InotifyException("inotify_init1", EMFILE);
            }
            return LinuxInotify.INSTANCE.init();
        }

        @Override
        public int addWatch(int fd, String path, int mask) throws InotifyException {
            if (added.incrementAndGet() > maxWatches) {
                throw new InotifyException("inotify_add_watch " + path, ENOSPC);
            }
            return LinuxInotify.INSTANCE.addWatch(fd, path, mask);
        }

        @Override
        public int await(int fd, byte[] buffer, int timeoutMillis) throws InotifyException {
            return LinuxInotify.INSTANCE.await(fd, buffer, timeoutMillis);
        }

        @Override
        public void wake(int fd) {
            LinuxInotify.INSTANCE.wake(fd);
        }

        @Override
        public void close(int fd) {
            LinuxInotify.INSTANCE.close(fd);
        }
    }
}
