package jsup.gateway.app;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import jsup.gateway.bot.ChatRouter;
import jsup.gateway.bot.ChatSessions;
import jsup.gateway.bot.StatusSource;
import jsup.gateway.config.ConfigLoad;
import jsup.gateway.config.ConfigProblem;
import jsup.gateway.config.GatewayConfig;
import jsup.gateway.config.GatewayConfigLoader;
import jsup.gateway.config.GatewaySettings;
import jsup.gateway.config.InvalidConfigException;
import jsup.gateway.config.LiveConfig;
import jsup.gateway.http.GatewayHttpServer;
import jsup.gateway.lock.GatewayLock;
import jsup.gateway.lock.HeldLock;
import jsup.gateway.lock.LockHeldException;
import jsup.gateway.lock.PortInUse;
import jsup.gateway.model.ChatCompletionsClient;
import jsup.gateway.model.ModelCatalogCheck;
import jsup.gateway.model.ModelRef;
import jsup.gateway.model.ModelRouter;
import jsup.gateway.model.ModelSettings;
import jsup.gateway.reload.ConfigChange;
import jsup.gateway.reload.ConfigFileWatcher;
import jsup.gateway.reload.ConfigReloader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running gateway. {@link #start} brings it up in this order, and any failure before the
 * HTTP server listens ends the start with a message naming the cause, and exit code 78 (config)
 * or 69 (another instance holds the lock or the port):
 * <ol>
 *   <li>read and validate the config (every problem listed);</li>
 *   <li>take the OS-backed lock (a holder is waited for, then named);</li>
 *   <li>bind HTTP (a taken port names its holder when it can be found);</li>
 *   <li>check model ids with the providers, in the background;</li>
 *   <li>start the Telegram channel when enabled;</li>
 *   <li>watch the config for changes.</li>
 * </ol>
 * {@link #stop} undoes it: stop watching, stop polling Telegram and accepting HTTP, give replies
 * in flight up to the grace period, release the lock.
 */
public final class Gateway {

    public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(4);
    private static final int CHAT_THREADS = 8;
    private static final int CHAT_QUEUE = 32;
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final GatewayOptions options;
    private final LiveConfig live;
    private final long startedNanos = System.nanoTime();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ScheduledExecutorService background;
    private final ThreadPoolExecutor chatPool;
    private final ModelHealth modelHealth;
    private final TelegramChannelHolder telegram;
    private final ChatSessions sessions;
    private final ChatRouter router;
    private final ConfigReloader reloader;
    private final StatusReport status;
    private HeldLock lock;
    private GatewayHttpServer http;
    private ConfigFileWatcher watcher;
    private int port;

    private Gateway(GatewayOptions options, GatewayConfig config) {
        this.options = options;
        this.live = new LiveConfig(config);
        AtomicInteger threads = new AtomicInteger();
        this.background = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "gateway-bg-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        AtomicInteger chatThreads = new AtomicInteger();
        this.chatPool = new ThreadPoolExecutor(CHAT_THREADS, CHAT_THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(CHAT_QUEUE), r -> {
                    Thread t = new Thread(r, "web-chat-" + chatThreads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        chatPool.allowCoreThreadTimeOut(true);
        ChatCompletionsClient client = new ChatCompletionsClient(Duration.ofSeconds(5));
        this.modelHealth = new ModelHealth(new ModelCatalogCheck(client, options.modelCheckTimeout()));
        StatusSource statusLines = new StatusSource() {
            @Override
            public Duration uptime() {
                return Gateway.this.uptime();
            }

            @Override
            public List<String> componentLines() {
                return Gateway.this.componentLines();
            }
        };
        this.sessions = new ChatSessions(config.gateway().history());
        this.router = new ChatRouter(live, new ModelRouter(client), sessions,
                options.supervisor(), new GatewayRestartAction(background, options.restartDelay(), options.supervisor(),
                options.appName(), options.exit()), statusLines);
        this.telegram = new TelegramChannelHolder(router, options.location().stateDir());
        this.status = new StatusReport(live, this::uptime, this::notReady, telegram, modelHealth, router, this::reloadDescription,
                options.supervisor());
        this.reloader = new ConfigReloader(new GatewayConfigLoader(options.environment()), options.location(), live, this::applied);
    }

    /** Starts a gateway; see the class comment for the order and what ends a start. */
    public static Gateway start(GatewayOptions options) throws StartupException {
        ConfigLoad load = new GatewayConfigLoader(options.environment()).load(options.location());
        LOG.info("config {} ({}){}", load.path(), options.location().origin(),
                load.agentFile() == null ? "" : "; merged over it: " + load.agentFile());
        for (ConfigProblem w : load.warnings()) {
            LOG.warn("config {}: {}", load.path(), w);
        }
        GatewayConfig config;
        try {
            config = load.orThrow();
        } catch (InvalidConfigException e) {
            throw new StartupException(ExitCodes.CONFLICT, e.getMessage() + "\nFix the config and start again "
                    + "(check it with: config validate --config " + load.path() + ")", e);
        }
        Gateway gateway = new Gateway(options, config);
        try {
            gateway.startComponents();
        } catch (StartupException | RuntimeException e) {
            gateway.stop(Duration.ZERO);
            throw e;
        }
        return gateway;
    }

    private void startComponents() throws StartupException {
        GatewayConfig config = live.get();
        LOG.info("jsup gateway starting: config {} (state dir {})", config.source(), options.location().stateDir());
        takeLock(config);
        GatewaySettings gw = options.portOverride() == null ? config.gateway() : config.gateway().withPort(options.portOverride());
        http = new GatewayHttpServer(new InetSocketAddress(gw.bindHost(), gw.port()), () -> live.get().gateway().authToken(),
                router, this::notReady, () -> telegram.stuck().stream().toList(), status::build, chatPool);
        try {
            http.start();
        } catch (BindException e) {
            throw new StartupException(ExitCodes.INSTANCE_RUNNING, PortInUse.message(options.proc(), gw.bindHost(), gw.port()), e);
        } catch (IOException e) {
            throw new StartupException(ExitCodes.CONFLICT, "cannot listen on " + gw.bindHost() + ":" + gw.port() + ": " + e.getMessage(), e);
        }
        port = http.port();
        LOG.info("listening on http://{}:{} (web chat /, health /healthz, readiness /readyz){}", gw.bindHost(), port,
                config.gateway().hasToken() ? "; every request needs the gateway token" : "");
        logModels(config.models());
        background.execute(this::checkModels);
        background.scheduleWithFixedDelay(this::recheckModelsIfNeeded, options.modelRecheckPeriod().toMillis(),
                options.modelRecheckPeriod().toMillis(), TimeUnit.MILLISECONDS);
        telegram.start(config.telegram());
        watcher = new ConfigFileWatcher(config.source(), options.watchOpener(), options.pollPeriod(), options.debounce(), reloader);
        watcher.start();
        LOG.info("gateway started (pid {})", ProcessHandle.current().pid());
    }

    private void takeLock(GatewayConfig config) throws StartupException {
        GatewayLock gatewayLock = new GatewayLock(GatewayLock.defaultFile(options.lockDir(), config.source()), config.source(),
                options.proc(), Clock.systemUTC());
        try {
            lock = gatewayLock.acquire(options.lockWait());
        } catch (LockHeldException e) {
            throw new StartupException(ExitCodes.INSTANCE_RUNNING, e.getMessage(), e);
        } catch (IOException e) {
            throw new StartupException(ExitCodes.CONFLICT, "cannot write the gateway lock " + gatewayLock.file() + ": " + e.getMessage()
                    + "; check that the folder is writable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException(ExitCodes.FAILURE, "interrupted while waiting for the gateway lock", e);
        }
    }

    private static void logModels(ModelSettings models) {
        if (ModelHealth.offline(models)) {
            LOG.warn("no model can be called ({}): chat replies come from the labelled offline responder",
                    models.chain().isEmpty() ? "agents.defaults.model is not set" : "no API key for " + models.providers().keySet());
            return;
        }
        LOG.info("model chain: {}", String.join(" -> ", models.chain().stream().map(ModelRef::toString).toList()));
    }

    private void checkModels() {
        ModelSettings settings = live.get().models();
        if (ModelHealth.offline(settings)) {
            return;
        }
        try {
            modelHealth.checkNow(settings);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("model id check failed: {}", e.toString());
        }
    }

    private void recheckModelsIfNeeded() {
        if (modelHealth.notReady(live.get().models()).isPresent()) {
            checkModels();
        }
    }

    /** Follows a reloaded config: Telegram restarts when its section changed, model ids are checked again. */
    private void applied(GatewayConfig previous, GatewayConfig current, ConfigChange change) {
        if (change.gateway()) {
            GatewaySettings was = previous.gateway();
            GatewaySettings now = current.gateway();
            if (was.port() != now.port() || !was.bindHost().equals(now.bindHost())) {
                LOG.warn("gateway.port/bind changed to {}:{}; still listening on {}:{} until the gateway restarts",
                        now.bindHost(), now.port(), was.bindHost(), port);
            }
            if (!was.history().equals(now.history())) {
                sessions.bounds(now.history());
                LOG.info("gateway.history changed to {}; chats shrink to it on their next reply", now.history());
            }
            if (!now.isLoopback() && !now.hasToken()) {
                LOG.warn("gateway.auth.token removed; the listener on {} is unchanged until restart", was.bindHost());
            }
        }
        if (change.models()) {
            logModels(current.models());
            background.execute(this::checkModels);
        }
        if (change.telegram()) {
            telegram.restart(current.telegram(), Duration.ofSeconds(2));
        }
    }

    List<String> notReady() {
        List<String> missing = new ArrayList<>();
        if (stopping.get()) {
            missing.add("gateway: shutting down");
        }
        telegram.notReady().ifPresent(missing::add);
        modelHealth.notReady(live.get().models()).ifPresent(missing::add);
        return missing;
    }

    private List<String> componentLines() {
        List<String> lines = new ArrayList<>();
        lines.add(telegram.statusLine());
        lines.add(modelHealth.statusLine(live.get().models()));
        lines.add("Config reload: " + reloadDescription());
        return lines;
    }

    private String reloadDescription() {
        ConfigFileWatcher w = watcher;
        if (w == null) {
            return "not started";
        }
        switch (w.mode()) {
            case WATCHING:
                return "watching the config folder";
            case POLLING:
                return "polling every " + options.pollPeriod().toMillis() + " ms (" + w.fallbackReason() + ")";
            default:
                return w.mode().name().toLowerCase();
        }
    }

    public Duration uptime() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** The port HTTP listens on (useful when the config says 0). */
    public int port() {
        return port;
    }

    /** The config in force. */
    public GatewayConfig config() {
        return live.get();
    }

    /** Whether config changes are watched or polled right now. */
    public ConfigFileWatcher.Mode reloadMode() {
        return watcher == null ? ConfigFileWatcher.Mode.NOT_STARTED : watcher.mode();
    }

    public java.nio.file.Path lockFile() {
        return lock == null ? null : lock.file();
    }

    /**
     * Stops everything: no new work is taken, replies in flight get up to {@code grace}, then
     * the lock is released. Idempotent; safe from a shutdown hook.
     */
    public void stop(Duration grace) {
        if (!stopping.compareAndSet(false, true)) {
            awaitQuietly();
            return;
        }
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            if (watcher != null) {
                watcher.close();
            }
            Thread telegramStop = new Thread(() -> telegram.stop(grace), "telegram-stop");
            telegramStop.start();
            if (http != null) {
                http.stop(grace);
            }
            chatPool.shutdown();
            chatPool.awaitTermination(remaining(deadline), TimeUnit.NANOSECONDS);
            telegramStop.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining(deadline)) + 250));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            chatPool.shutdownNow();
            background.shutdownNow();
            if (lock != null) {
                lock.release();
            }
            if (port != 0) {
                LOG.info("gateway stopped");
            }
            stopped.countDown();
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private void awaitQuietly() {
        try {
            stopped.await(SHUTDOWN_GRACE.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks until {@link #stop} has finished. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }
}
