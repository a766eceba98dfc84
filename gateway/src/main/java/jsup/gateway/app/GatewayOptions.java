package jsup.gateway.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;
import jsup.gateway.config.ConfigLocation;
import jsup.gateway.lock.GatewayLock;
import jsup.gateway.ops.NoSupervisorLink;
import jsup.gateway.ops.SupervisorLink;
import jsup.gateway.reload.ConfigFileWatcher;
import jsup.gateway.reload.DirectoryWatchOpener;
import jsup.healthmon.proc.ProcFs;

/**
 * How to start a {@link Gateway}: where its config is, plus every seam and timing a test may
 * change. Defaults are the production values.
 */
public final class GatewayOptions {

    public static final String DEFAULT_APP_NAME = "moltbot-gateway";

    private final ConfigLocation location;
    private Map<String, String> environment = System.getenv();
    private Integer portOverride;
    private Path lockDir = Path.of(System.getProperty("java.io.tmpdir"));
    private Duration lockWait = GatewayLock.DEFAULT_WAIT;
    private Duration pollPeriod = ConfigFileWatcher.DEFAULT_POLL_PERIOD;
    private Duration debounce = ConfigFileWatcher.DEFAULT_DEBOUNCE;
    private DirectoryWatchOpener watchOpener = DirectoryWatchOpener.SYSTEM;
    private SupervisorLink supervisor = NoSupervisorLink.notConnected();
    private Duration restartDelay = Duration.ofMillis(1500);
    private IntConsumer exit = System::exit;
    private ProcFs proc = ProcFs.SYSTEM;
    private Duration modelCheckTimeout = Duration.ofSeconds(10);
    private Duration modelRecheckPeriod = Duration.ofSeconds(60);
    private String appName;

    public GatewayOptions(ConfigLocation location) {
        this.location = Objects.requireNonNull(location);
    }

    public ConfigLocation location() {
        return location;
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** The environment for {@code ${VAR}} and key fallbacks (default: the process environment). */
    public GatewayOptions environment(Map<String, String> env) {
        this.environment = Map.copyOf(env);
        return this;
    }

    public Integer portOverride() {
        return portOverride;
    }

    /** A port that wins over {@code gateway.port} ({@code --port}); null for none. */
    public GatewayOptions portOverride(Integer port) {
        this.portOverride = port;
        return this;
    }

    public Path lockDir() {
        return lockDir;
    }

    /** The folder the lock lives under (default {@code java.io.tmpdir}, as upstream). */
    public GatewayOptions lockDir(Path dir) {
        this.lockDir = dir;
        return this;
    }

    public Duration lockWait() {
        return lockWait;
    }

    /** How long a live lock owner is waited for (default 5000 ms). */
    public GatewayOptions lockWait(Duration wait) {
        this.lockWait = wait;
        return this;
    }

    public Duration pollPeriod() {
        return pollPeriod;
    }

    /** How often the config is polled once the watch has failed (default 5 s). */
    public GatewayOptions pollPeriod(Duration period) {
        this.pollPeriod = period;
        return this;
    }

    public Duration debounce() {
        return debounce;
    }

    public GatewayOptions debounce(Duration d) {
        this.debounce = d;
        return this;
    }

    public DirectoryWatchOpener watchOpener() {
        return watchOpener;
    }

    public GatewayOptions watchOpener(DirectoryWatchOpener opener) {
        this.watchOpener = opener;
        return this;
    }

    public SupervisorLink supervisor() {
        return supervisor;
    }

    public GatewayOptions supervisor(SupervisorLink link) {
        this.supervisor = link;
        return this;
    }

    public Duration restartDelay() {
        return restartDelay;
    }

    /** How long {@code /restart} waits so its reply goes out first (default 1.5 s). */
    public GatewayOptions restartDelay(Duration delay) {
        this.restartDelay = delay;
        return this;
    }

    public IntConsumer exit() {
        return exit;
    }

    /** Ends the process with a code (default {@link System#exit}); tests record instead. */
    public GatewayOptions exit(IntConsumer exiter) {
        this.exit = exiter;
        return this;
    }

    public ProcFs proc() {
        return proc;
    }

    public GatewayOptions proc(ProcFs procFs) {
        this.proc = procFs;
        return this;
    }

    public Duration modelCheckTimeout() {
        return modelCheckTimeout;
    }

    public GatewayOptions modelCheckTimeout(Duration timeout) {
        this.modelCheckTimeout = timeout;
        return this;
    }

    public Duration modelRecheckPeriod() {
        return modelRecheckPeriod;
    }

    /** How often model ids are checked again while no configured model is confirmed (default 60 s). */
    public GatewayOptions modelRecheckPeriod(Duration period) {
        this.modelRecheckPeriod = period;
        return this;
    }

    /** The name jsupd knows this gateway by: {@code JSUP_APP} (set by jsupd), else {@value #DEFAULT_APP_NAME}. */
    public String appName() {
        if (appName != null) {
            return appName;
        }
        String fromEnv = environment.get(jsup.supervisor.control.ControlEnvironment.APP_VAR);
        return fromEnv == null || fromEnv.isBlank() ? DEFAULT_APP_NAME : fromEnv;
    }

    public GatewayOptions appName(String name) {
        this.appName = name;
        return this;
    }
}
