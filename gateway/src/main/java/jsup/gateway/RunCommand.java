package jsup.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import jsup.gateway.app.ExitCodes;
import jsup.gateway.app.Gateway;
import jsup.gateway.app.GatewayOptions;
import jsup.gateway.app.StartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gateway run}: runs until SIGTERM/SIGINT, then stops (replies in flight get up to 4 s),
 * releases the lock and exits 0. Exits 78 when it must not be restarted into the same failure
 * (invalid config, lock held by a live gateway, port taken) and 75 after {@code /restart}
 * without jsupd.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the gateway in the foreground.")
final class RunCommand implements Callable<Integer> {

    static final String[] PORT_ENV = {"MOLTBOT_GATEWAY_PORT", "CLAWDBOT_GATEWAY_PORT", "OPENCLAW_GATEWAY_PORT"};
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    ConfigOption config;

    @Option(names = "--port", paramLabel = "PORT",
            description = "HTTP port; wins over $MOLTBOT_GATEWAY_PORT and gateway.port (default 18789).")
    Integer port;

    @Option(names = "--lock-wait-ms", hidden = true, defaultValue = "5000",
            description = "How long to wait for a live lock owner (tests shorten it).")
    long lockWaitMs;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> env = System.getenv();
        Integer effectivePort = port != null ? port : envPort(env);
        if (effectivePort != null && (effectivePort < 0 || effectivePort > 65535)) {
            LOG.error("port {} is out of range; use 1 to 65535 (or 0 for any free port)", effectivePort);
            return ExitCodes.USAGE;
        }
        AtomicInteger exitCode = new AtomicInteger(ExitCodes.OK);
        GatewayOptions options = new GatewayOptions(config.resolve(env))
                .environment(env)
                .portOverride(effectivePort)
                .lockWait(Duration.ofMillis(lockWaitMs))
                .exit(code -> {
                    exitCode.set(code);
                    System.exit(code); // runs the shutdown hook below, which stops cleanly and exits with the code
                });
        Gateway gateway;
        try {
            gateway = Gateway.start(options);
        } catch (StartupException e) {
            LOG.error("gateway failed to start: {}", e.getMessage());
            return e.exitCode();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping (signal or exit); replies in flight get up to {} ms", Gateway.SHUTDOWN_GRACE.toMillis());
            gateway.stop(Gateway.SHUTDOWN_GRACE);
            // A JVM ended by SIGTERM would otherwise exit 143; a requested stop is a clean exit.
            Runtime.getRuntime().halt(exitCode.get());
        }, "gateway-shutdown"));
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
