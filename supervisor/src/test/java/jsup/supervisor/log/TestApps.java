package jsup.supervisor.log;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.config.PreStartStep;

/**
 * Builds {@link AppSpec} values for the log and pre-start tests, with the loader's defaults for
 * everything a test does not set. Logs go to {@code <dir>/<name>-out.log} and {@code -error.log}.
 */
public final class TestApps {

    private final String name;
    private String script = "/bin/sh";
    private List<String> args = List.of();
    private Path cwd;
    private Path outFile;
    private Path errorFile;
    private Path logFile;
    private boolean time;
    private String logDateFormat;
    private long logMaxSize = 10L * 1024 * 1024;
    private int logRetain = 10;
    private boolean logCompress;
    private final Map<String, String> env = new HashMap<>();
    private final List<PreStartStep> preStart = new ArrayList<>();

    private TestApps(String name, Path dir) {
        this.name = name;
        this.cwd = dir;
        this.outFile = dir.resolve(name + "-out.log");
        this.errorFile = dir.resolve(name + "-error.log");
    }

    public static TestApps app(String name, Path dir) {
        return new TestApps(name, dir);
    }

    public TestApps script(String script, String... args) {
        this.script = script;
        this.args = List.of(args);
        return this;
    }

    public TestApps cwd(Path cwd) {
        this.cwd = cwd;
        return this;
    }

    public TestApps outFile(Path p) {
        this.outFile = p;
        return this;
    }

    public TestApps errorFile(Path p) {
        this.errorFile = p;
        return this;
    }

    public TestApps logFile(Path p) {
        this.logFile = p;
        return this;
    }

    public TestApps time(String format) {
        this.time = true;
        this.logDateFormat = format;
        return this;
    }

    public TestApps rotation(long maxSize, int retain, boolean compress) {
        this.logMaxSize = maxSize;
        this.logRetain = retain;
        this.logCompress = compress;
        return this;
    }

    public TestApps env(String key, String value) {
        env.put(key, value);
        return this;
    }

    public TestApps preStart(PreStartStep step) {
        preStart.add(step);
        return this;
    }

    public AppSpec build() {
        return new AppSpec(name, script, args, null, List.of(), cwd, env, true, true, Set.of(),
                Duration.ofSeconds(1), 16, Duration.ZERO, null, 1.5, Duration.ofSeconds(15),
                Duration.ofSeconds(30), 0, Duration.ofSeconds(1), Duration.ofMillis(1600), "TERM",
                outFile, errorFile, logFile, false, logDateFormat, time, logMaxSize, logRetain, logCompress,
                null, "default", preStart, null);
    }
}
