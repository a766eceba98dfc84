package jsup.gateway.app;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import jsup.gateway.bot.RestartAction;
import jsup.gateway.ops.SupervisorLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /restart}: after a short delay (so the reply goes out first) asks jsupd to restart this
 * app; when jsupd cannot be reached or refuses, exits with {@link ExitCodes#RESTART} so whatever
 * supervises the gateway (jsup, systemd with {@code Restart=on-failure}, PM2) starts it again.
 */
final class GatewayRestartAction implements RestartAction {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayRestartAction.class);

    private final ScheduledExecutorService scheduler;
    private final Duration delay;
    private final SupervisorLink supervisor;
    private final String appName;
    private final IntConsumer exit;

    GatewayRestartAction(ScheduledExecutorService scheduler, Duration delay, SupervisorLink supervisor, String appName,
                         IntConsumer exit) {
        this.scheduler = scheduler;
        this.delay = delay;
        this.supervisor = supervisor;
        this.appName = appName;
        this.exit = exit;
    }

    @Override
    public void restartSoon(String requestedBy) {
        LOG.warn("/restart requested by {}; restarting in {} ms", requestedBy, delay.toMillis());
        scheduler.schedule(this::restartNow, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restartNow() {
        if (supervisor.reachable()) {
            try {
                supervisor.restart(appName);
                LOG.info("asked jsupd to restart {}", appName);
                return;
            } catch (IOException e) {
                LOG.warn("jsupd did not restart {} ({}); exiting with code {} instead", appName, e.getMessage(), ExitCodes.RESTART);
            }
        } else {
            LOG.info("jsupd not reachable ({}); exiting with code {} so the supervisor restarts the gateway",
                    supervisor.unreachableReason(), ExitCodes.RESTART);
        }
        exit.accept(ExitCodes.RESTART);
    }
}
