package jsup.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import jsup.gateway.app.ExitCodes;
import jsup.gateway.app.Gateway;
import jsup.gateway.app.GatewayOptions;
import jsup.gateway.app.StartupException;
import jsup.gateway.ops.SupervisedEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gateway run}: runs until SIGTERM/SIGINT, then stops (replies in flight get up to 4 s),
 * releases the lock and exits 0. Exits 78 when it must not be restarted into the same failure
 * (invalid config), 69 when another instance holds the lock or the port (worth retrying), and 75
 * after {@code /restart} without jsupd.
 *
 * <p>Under jsupd ({@code $JSUP_HOME} set, or {@code --jsup-home}) {@code /status}, {@code /logs} and
 * {@code /restart} go through jsupd's control socket, and {@code $JSUP_APP} names the gateway for
 * {@code /restart}; otherwise they say that jsupd is not reachable.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the gateway in the foreground.")
final class RunCommand implements Callable<Integer> {

    static final String[] PORT_ENV = {"MOLTBOT_GATEWAY_PORT", "CLAWDBOT_GATEWAY_PORT", "OPENCLAW_GATEWAY_PORT"};
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    /** How long a signal that lands during start-up waits for the start to finish before stopping. */
    private static final Duration START_WAIT_ON_SIGNAL = Duration.ofSeconds(10);

    @Mixin
    ConfigOption config;

    @Option(names = "--port", paramLabel = "PORT",
            description = "HTTP port; wins over $MOLTBOT_GATEWAY_PORT and gateway.port (default 18789).")
    Integer port;

    @Option(names = "--lock-wait-ms", hidden = true, defaultValue = "5000",
            description = "How long to wait for a live lock owner (tests shorten it).")
    long lockWaitMs;

    @Option(names = "--jsup-home", hidden = true, paramLabel = "DIR",
            description = "The jsupd home to ask for /status, /logs and /restart; wins over $JSUP_HOME.")
    Path jsupHome;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> env = System.getenv();
        Integer effectivePort = port != null ? port : envPort(env);
        if (effectivePort != null && (effectivePort < 0 || effectivePort > 65535)) {
            LOG.error("port {} is out of range; use 1 to 65535 (or 0 for any free port)", effectivePort);
            return ExitCodes.USAGE;
        }
        AtomicInteger exitCode = new AtomicInteger(ExitCodes.OK);
        SupervisedEnvironment supervised = SupervisedEnvironment.of(env, jsupHome);
        if (supervised.supervised()) {
            LOG.info("ops commands go through jsupd at {}; jsupd knows this gateway as {}",
                    supervised.jsupHome(), supervised.appName());
        } else {
            LOG.info("not started by jsupd (no $JSUP_HOME): /status, /logs and /restart work without it");
        }
        GatewayOptions options = new GatewayOptions(config.resolve(env))
                .environment(env)
                .portOverride(effectivePort)
                .lockWait(Duration.ofMillis(lockWaitMs))
                .supervisor(supervised.link())
                .appName(supervised.appName())
                .exit(code -> {
                    exitCode.set(code);
                    System.exit(code); // runs the shutdown hook below, which stops cleanly and exits with the code
                });
        // The hook goes in before the start, so a SIGTERM that lands while the gateway is starting
        // still ends in a clean stop (lock released, exit 0) instead of the JVM's 143.
        AtomicReference<Gateway> running = new AtomicReference<>();
        CountDownLatch startDone = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                startDone.await(START_WAIT_ON_SIGNAL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Gateway started = running.get();
            if (started != null) {
                LOG.info("stopping (signal or exit); replies in flight get up to {} ms", Gateway.SHUTDOWN_GRACE.toMillis());
                started.stop(Gateway.SHUTDOWN_GRACE);
            }
            // A JVM ended by SIGTERM would otherwise exit 143; a requested stop is a clean exit.
            Runtime.getRuntime().halt(exitCode.get());
        }, "gateway-shutdown"));
        Gateway gateway;
        try {
            gateway = Gateway.start(options);
            running.set(gateway);
        } catch (StartupException e) {
            LOG.error("gateway failed to start: {}", e.getMessage());
            exitCode.set(e.exitCode());
            return e.exitCode();
        } catch (RuntimeException e) {
            exitCode.set(ExitCodes.FAILURE);
            throw e;
        } finally {
            startDone.countDown();
        }
        gateway.awaitStopped();
        return exitCode.get();
    }

    private static Integer envPort(Map<String, String> env) {
        for (String name : PORT_ENV) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                try {
                    return Integer.parseInt(v.strip());
                } catch (NumberFormatException e) {
                    LOG.warn("{}={} is not a port number; ignored", name, v);
                }
            }
        }
        return null;
    }
}
