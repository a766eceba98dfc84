package jsup.supervisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jsup.healthmon.HealthSpec;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.config.PreStartStep;

/**
 * Builds {@link AppSpec} values for engine tests: PM2's defaults except for short test timings
 * (min_uptime 200 ms, kill_timeout 1 s), logs under {@code <dir>/logs}. Reusable by other tests.
 */
public final class TestApps {

    private String name;
    private Path cwd;
    private String script = "/bin/true";
    private List<String> args = List.of();
    private String interpreter;
    private final Map<String, String> env = new HashMap<>();
    private boolean autorestart = true;
    private Set<Integer> stopExitCodes = Set.of();
    private Duration minUptime = Duration.ofMillis(200);
    private int maxRestarts = 16;
    private Duration restartDelay = Duration.ZERO;
    private Duration expBackoff;
    private double backoffFactor = 1.5;
    private Duration backoffMax = Duration.ofSeconds(15);
    private Duration backoffReset = Duration.ofSeconds(30);
    private long maxMemoryRestart;
    private Duration memoryCheckInterval = Duration.ofSeconds(1);
    private Duration killTimeout = Duration.ofSeconds(1);
    private String killSignal = "TERM";
    private Path pidFile;
    private final List<PreStartStep> preStart = new ArrayList<>();
    private HealthSpec health;

    private TestApps(String name, Path cwd) {
        this.name = name;
        this.cwd = cwd;
    }

    /** An app running {@code /bin/true} in {@code dir}. */
    public static TestApps app(String name, Path dir) {
        return new TestApps(name, dir);
    }

    /** An app running {@code bash} on a script with {@code body}, written to {@code <dir>/<name>.sh}. */
    public static TestApps bash(String name, Path dir, String body) {
        Path file = dir.resolve(name + ".sh");
        try {
            Files.writeString(file, "#!/bin/bash\n" + body + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TestApps(name, dir).interpreter("/bin/bash").script(file.toString());
    }

    public TestApps name(String v) { name = v; return this; }
    public TestApps cwd(Path v) { cwd = v; return this; }
    public TestApps script(String v) { script = v; return this; }
    public TestApps args(String... v) { args = List.of(v); return this; }
    public TestApps interpreter(String v) { interpreter = v; return this; }
    public TestApps env(String key, String value) { env.put(key, value); return this; }
    public TestApps autorestart(boolean v) { autorestart = v; return this; }
    public TestApps stopExitCodes(Integer... v) { stopExitCodes = Set.of(v); return this; }
    public TestApps minUptime(Duration v) { minUptime = v; return this; }
    public TestApps maxRestarts(int v) { maxRestarts = v; return this; }
    public TestApps restartDelay(Duration v) { restartDelay = v; return this; }
    public TestApps expBackoff(Duration first, double factor, Duration max, Duration reset) {
        expBackoff = first; backoffFactor = factor; backoffMax = max; backoffReset = reset; return this;
    }
    public TestApps maxMemoryRestart(long v) { maxMemoryRestart = v; return this; }
    public TestApps memoryCheckInterval(Duration v) { memoryCheckInterval = v; return this; }
    public TestApps killTimeout(Duration v) { killTimeout = v; return this; }
    public TestApps killSignal(String v) { killSignal = v; return this; }
    public TestApps pidFile(Path v) { pidFile = v; return this; }
    public TestApps preStart(PreStartStep v) { preStart.add(v); return this; }
    public TestApps health(HealthSpec v) { health = v; return this; }

    public AppSpec build() {
        Path logs = cwd.resolve("logs");
        return new AppSpec(name, script, args, interpreter, List.of(), cwd, env, autorestart, true,
                stopExitCodes, minUptime, maxRestarts, restartDelay, expBackoff, backoffFactor, backoffMax,
                backoffReset, maxMemoryRestart, memoryCheckInterval, killTimeout, killSignal,
                logs.resolve(name + "-out.log"), logs.resolve(name + "-error.log"), null, false,
                null, false, 10L * 1024 * 1024, 10, false, pidFile, "default", preStart, health);
    }
}
