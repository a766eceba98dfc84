package jsup.gateway.reload;

import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import jsup.gateway.config.ConfigLoad;
import jsup.gateway.config.ConfigLocation;
import jsup.gateway.config.ConfigProblem;
import jsup.gateway.config.GatewayConfig;
import jsup.gateway.config.GatewayConfigLoader;
import jsup.gateway.config.LiveConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the config after a change: a valid one is swapped in and the listener told what
 * changed; an invalid one is rejected with every problem logged, and the running config stays.
 */
public final class ConfigReloader implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigReloader.class);

    private final GatewayConfigLoader loader;
    private final ConfigLocation location;
    private final LiveConfig live;
    private final ReloadListener listener;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    public ConfigReloader(GatewayConfigLoader loader, ConfigLocation location, LiveConfig live, ReloadListener listener) {
        this.loader = loader;
        this.location = location;
        this.live = live;
        this.listener = listener;
    }

    /** Reloads once; never throws. */
    @Override
    public void run() {
        ConfigLoad load = loader.load(location);
        for (ConfigProblem w : load.warnings()) {
            LOG.warn("config {}: {}", location.configPath(), w);
        }
        if (!load.isValid()) {
            rejected.incrementAndGet();
            LOG.error("config reload rejected, keeping the running config: {} has {} problem(s): {}", location.configPath(),
                    load.problems().size(), load.problems().stream().map(ConfigProblem::toString).collect(Collectors.joining("; ")));
            return;
        }
        GatewayConfig next = load.config();
        GatewayConfig previous = live.get();
        ConfigChange change = ConfigChange.between(previous, next);
        if (!change.any()) {
            LOG.info("config {} changed on disk but not in effect; nothing to apply", location.configPath());
            return;
        }
        live.replace(next);
        applied.incrementAndGet();
        LOG.info("config reloaded from {}: changed {}", location.configPath(), String.join(", ", change.sections()));
        try {
            listener.applied(previous, next, change);
        } catch (RuntimeException e) {
            LOG.error("applying the reloaded config failed in part; the new config is in force", e);
        }
    }

    /** How many reloads were applied since start. */
    public long appliedCount() {
        return applied.get();
    }

    /** How many reloads were rejected since start. */
    public long rejectedCount() {
        return rejected.get();
    }
}
