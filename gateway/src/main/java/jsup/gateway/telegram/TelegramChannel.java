package jsup.gateway.telegram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import jsup.gateway.chat.ChatHandler;
import jsup.gateway.chat.ChatReply;
import jsup.gateway.chat.ChatRequest;
import jsup.gateway.liveness.WorkProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Telegram channel: long-polls the Bot API and hands every allowed text message to the
 * {@link ChatHandler}, answering in the same chat.
 *
 * <p>What it guarantees:
 * <ul>
 *   <li>No update is answered twice, across restarts too: the highest handled update id is
 *       persisted in {@code <stateDir>/telegram/update-offset.json} before its reply is sent, and
 *       updates at or below it are skipped.</li>
 *   <li>One chat's messages are answered in order; different chats in parallel on a small pool
 *       of daemon threads.</li>
 *   <li>Senders not allowed by {@code dmPolicy}/{@code allowFrom} get nothing; only their user id
 *       is logged.</li>
 *   <li>Replies are split to Telegram's size ({@code textChunkLimit}, at most 4096) and sent in
 *       order, one {@code sendMessage} per piece; "typing…" shows while the router works.</li>
 *   <li>409 conflicts and network failures are retried after 2 s, doubling up to 30 s, back to
 *       2 s after a good poll. The bot token appears in no log line, exception or status.</li>
 * </ul>
 *
 * <p>Lifecycle: {@link #start()} once, {@link #stop(Duration)} once; to restart (for example after
 * a config change) build a new channel over the same state directory.
 */
public final class TelegramChannel {

    private static final Logger log = LoggerFactory.getLogger(TelegramChannel.class);

    /** Sent when the router throws instead of answering, so the person is not left waiting. */
    static final String FAILURE_REPLY = "⚠️ Something went wrong while answering this message; the gateway log has the details.";

    private enum State { NEW, RUNNING, STOPPED }

    @FunctionalInterface
    private interface BotApiCall<T> {
        T call() throws IOException, InterruptedException;
    }

    private final TelegramSettings settings;
    private final ChatHandler handler;
    private final Path stateDir;
    private final ChannelTiming timing;
    private final Sleeper sleeper;
    private final TelegramBotApi api;
    private final SenderFilter senders;
    private final int chunkLimit;

    private final Object lifecycle = new Object();
    private State state = State.NEW;
    private Thread poller;
    private ChatLanes lanes;
    private TypingIndicator typing;
    private volatile UpdateOffsetStore offsets;
    /** Cleared by stop: the poller leaves its loop. */
    private volatile boolean polling;
    /** Cleared when stop's grace is over: replies still being worked on are not sent. */
    private volatile boolean delivering;
    private volatile String botUsername;
    private volatile String lastError;
    /** Grows each time the poller comes round a loop; {@link #stuck()} watches it. */
    private final AtomicLong pollerRounds = new AtomicLong();
    /** Set while the poller waits out a backoff, which may be long (a 429's retry_after) without being stuck. */
    private volatile boolean backingOff;
    private WorkProgress pollerProgress;
    private WorkProgress workerProgress;

    /**
     * A channel ready to {@link #start()}.
     *
     * @param settings the validated {@code channels.telegram} section; its token must be set
     * @param handler  the router every allowed message goes to
     * @param stateDir the gateway's state directory; the channel keeps {@code telegram/} in it
     * @throws IllegalArgumentException when the token is empty or malformed (the message never
     *                                  quotes it)
     */
    public TelegramChannel(TelegramSettings settings, ChatHandler handler, Path stateDir) {
        this(settings, handler, stateDir, Sleeper.SYSTEM);
    }

    /** As {@link #TelegramChannel(TelegramSettings, ChatHandler, Path)}, waiting out backoffs and
     *  429s with {@code backoffSleeper} (tests pass one that records instead of waiting). */
    public TelegramChannel(TelegramSettings settings, ChatHandler handler, Path stateDir, Sleeper backoffSleeper) {
        this(settings, handler, stateDir, ChannelTiming.DEFAULTS, backoffSleeper);
    }

    TelegramChannel(TelegramSettings settings, ChatHandler handler, Path stateDir, ChannelTiming timing, Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.api = new TelegramBotApi(settings.apiRoot() == null ? TelegramSettings.DEFAULT_API_ROOT : settings.apiRoot(),
                settings.botToken());
        this.senders = new SenderFilter(settings.dmPolicy(), settings.allowFrom());
        this.chunkLimit = ReplyChunker.effectiveLimit(settings.textChunkLimit());
    }

    /**
     * Reads the persisted offset and starts the polling thread, which calls {@code getMe},
     * {@code deleteWebhook}, sends the command menu when {@code commands.native} is true, then
     * long-polls. Returns at once; failures of those calls are retried with backoff and shown in
     * {@link #status()}.
     *
     * @throws IllegalStateException when the channel is disabled or was started before
     * @throws UncheckedIOException  when {@code <stateDir>/telegram} cannot be created or read
     */
    public void start() {
        synchronized (lifecycle) {
            if (state != State.NEW) {
                throw new IllegalStateException("Telegram channel already " + state.name().toLowerCase()
                        + ": a channel starts once; build a new TelegramChannel over the same state directory");
            }
            if (!settings.enabled()) {
                throw new IllegalStateException("channels.telegram.enabled is false: set it to true to start the Telegram channel");
            }
            try {
                offsets = UpdateOffsetStore.open(stateDir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot use the Telegram offset file " + UpdateOffsetStore.fileIn(stateDir)
                        + ": " + e.getMessage() + "; check that the gateway's state directory is writable", e);
            }
            lanes = new ChatLanes("telegram-chat-", timing.workerThreads());
            pollerProgress = new WorkProgress(pollerRounds::get, () -> !backingOff, timing.pollerStall().toNanos(), System::nanoTime);
            workerProgress = new WorkProgress(lanes::finished, lanes::starved, timing.workerStall().toNanos(), System::nanoTime);
            typing = new TypingIndicator(api, timing.typingInterval());
            polling = true;
            delivering = true;
            poller = new Thread(this::run, "telegram-poller");
            poller.setDaemon(true);
            poller.start();
            state = State.RUNNING;
            log.info("Telegram channel starting (Bot API at {}, dmPolicy {}, last handled update {})",
                    api.apiRoot(), settings.dmPolicy(), offsets.lastUpdateId());
        }
    }

    /**
     * Stops polling at once, then lets queued and running replies finish for up to {@code grace};
     * replies not ready by then are not sent. Idempotent; returns within about {@code grace}.
     */
    public void stop(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        synchronized (lifecycle) {
            if (state != State.RUNNING) {
                state = State.STOPPED;
                return;
            }
            state = State.STOPPED;
            polling = false;
        }
        long deadline = System.nanoTime() + grace.toNanos();
        boolean finished = false;
        try {
            // The interrupt cancels the long poll; the poller submits nothing after it has left.
            poller.interrupt();
            poller.join(Math.max(1, grace.toMillis()));
            finished = lanes.shutdown(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // First close the door, then wake the stragglers: woken, they must find it closed.
            delivering = false;
            offsets.close();
            lanes.abandon();
            typing.shutdown();
        }
        if (finished) {
            log.info("Telegram channel stopped");
        } else {
            log.warn("Telegram channel stopped with replies still being worked on after {} ms; they will not be sent",
                    grace.toMillis());
        }
    }

    /** Running or not, who the bot is, the last error and the last handled update id. */
    public TelegramStatus status() {
        boolean running;
        synchronized (lifecycle) {
            running = state == State.RUNNING && poller.isAlive();
        }
        UpdateOffsetStore store = offsets;
        return new TelegramStatus(running, botUsername, lastError, store == null ? 0 : store.lastUpdateId());
    }

    /**
     * Why this channel cannot serve although it should, for {@code /healthz}; empty when it can (or
     * was never started, or is stopped). Slow Telegram is not stuck: failed calls back off and show
     * in {@link #status()}; this is for a poller that died or hangs, and workers that all hang.
     */
    public Optional<String> stuck() {
        WorkProgress pollerWatch;
        WorkProgress workersWatch;
        boolean pollerAlive;
        synchronized (lifecycle) {
            if (state != State.RUNNING) {
                return Optional.empty();
            }
            pollerWatch = pollerProgress;
            workersWatch = workerProgress;
            pollerAlive = poller.isAlive();
        }
        if (!pollerAlive) {
            return Optional.of("the Telegram poller thread has ended" + (lastError == null ? "" : " (" + lastError + ")"));
        }
        if (pollerWatch.stalled()) {
            return Optional.of("the Telegram poller has not come round its loop for " + seconds(timing.pollerStall()));
        }
        if (workersWatch.stalled()) {
            return Optional.of("all " + timing.workerThreads() + " Telegram reply workers are busy, other chats wait, and no reply "
                    + "has finished for " + seconds(timing.workerStall()));
        }
        return Optional.empty();
    }

    /** "105 s", or "300 ms" below a second (tests shorten the stall times). */
    private static String seconds(Duration d) {
        return d.toSeconds() >= 1 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private void run() {
        PollBackoff backoff = new PollBackoff(timing.backoffInitial(), timing.backoffMax());
        try {
            BotIdentity me = retrying(backoff, api::getMe);
            botUsername = me.username();
            log.info("Telegram bot @{} (id {}) authenticated", me.username(), me.id());
            retrying(backoff, () -> {
                api.deleteWebhook();
                return null;
            });
            if (settings.nativeCommands()) {
                publishMenu();
            }
            lastError = null;
            poll(backoff);
        } catch (InterruptedException e) {
            // stop() interrupted the poller: leave quietly.
        } catch (RuntimeException e) {
            lastError = "polling stopped: " + e;
            log.error("Telegram polling stopped by an unexpected error; restart the gateway", e);
        }
    }

    private void publishMenu() throws InterruptedException {
        try {
            new CommandMenuPublisher(api).publish(handler.commands());
        } catch (RuntimeException e) {
            log.warn("Command menu not sent: the router's command list failed ({}); typed commands still work", e.toString());
        }
    }

    /** Calls until it succeeds, backing off after each failure; only stop() ends it early. */
    private <T> T retrying(PollBackoff backoff, BotApiCall<T> call) throws InterruptedException {
        while (true) {
            pollerRounds.incrementAndGet();
            if (!polling) {
                throw new InterruptedException("stopping");
            }
            try {
                T result = call.call();
                backoff.reset();
                return result;
            } catch (IOException e) {
                backOff(e, backoff);
            }
        }
    }

    private void poll(PollBackoff backoff) throws InterruptedException {
        long stored = offsets.lastUpdateId();
        long nextOffset = stored > 0 ? stored + 1 : 0;
        while (polling) {
            pollerRounds.incrementAndGet();
            List<TelegramUpdate> batch;
            try {
                batch = api.getUpdates(nextOffset, timing.pollTimeoutSeconds());
            } catch (IOException e) {
                if (!polling) {
                    return;
                }
                backOff(e, backoff);
                continue;
            }
            backoff.reset();
            lastError = null;
            for (TelegramUpdate update : batch) {
                // Asking for ids above this one confirms the update: Telegram will not send it again.
                nextOffset = Math.max(nextOffset, update.updateId() + 1);
                if (offsets.isHandled(update.updateId())) {
                    log.debug("Update {} was handled before; skipped", update.updateId());
                    continue;
                }
                dispatch(update);
            }
        }
    }

    private void backOff(IOException failure, PollBackoff backoff) throws InterruptedException {
        lastError = failure.getMessage();
        Duration wait = backoff.next();
        if (failure instanceof TelegramApiException.RateLimited limited && limited.retryAfter().compareTo(wait) > 0) {
            wait = limited.retryAfter();
        }
        log.warn("{}; retrying in {} s", failure.getMessage(), wait.toSeconds());
        backingOff = true;
        try {
            sleeper.sleep(wait);
        } finally {
            backingOff = false;
            pollerRounds.incrementAndGet();
        }
    }

    private void dispatch(TelegramUpdate update) {
        TelegramUpdate.Message message = update.message();
        if (message == null || message.text() == null) {
            log.debug("Update {} is not a text message; skipped", update.updateId());
            markHandled(update.updateId());
            return;
        }
        if (!senders.allows(message)) {
            log.info("Ignored a message from Telegram user id {}: not allowed by channels.telegram.dmPolicy/allowFrom",
                    message.fromId());
            markHandled(update.updateId());
            return;
        }
        try {
            lanes.submit(Long.toString(message.chatId()), () -> answer(update.updateId(), message));
        } catch (RejectedExecutionException e) {
            log.info("Update {} not handled: the channel is stopping; Telegram offers it again to the next poller",
                    update.updateId());
        }
    }

    private void answer(long updateId, TelegramUpdate.Message message) {
        if (!delivering) {
            return;
        }
        ChatRequest request = new ChatRequest("telegram", Long.toString(message.chatId()), Long.toString(message.fromId()),
                message.fromName(), message.text());
        ChatReply reply;
        TypingIndicator.Handle typingShown = typing.start(message.chatId());
        try {
            reply = handler.handle(request);
        } catch (RuntimeException e) {
            log.error("The router failed on update {} in chat {}; sending an apology", updateId, message.chatId(), e);
            reply = new ChatReply(FAILURE_REPLY, "error");
        } finally {
            typingShown.close();
        }
        if (!delivering) {
            log.warn("Reply to update {} dropped: the channel stopped before it was ready", updateId);
            return;
        }
        // Persisted before sending: a crash in between loses this reply rather than sending it twice.
        markHandled(updateId);
        deliver(updateId, message.chatId(), reply);
    }

    private void deliver(long updateId, long chatId, ChatReply reply) {
        String text = reply == null || reply.text() == null ? "" : reply.text();
        List<String> chunks = ReplyChunker.split(text, chunkLimit);
        if (chunks.isEmpty()) {
            log.warn("The router's reply to update {} is empty; nothing sent", updateId);
            return;
        }
        for (int i = 0; i < chunks.size(); i++) {
            if (!delivering || !send(chatId, chunks.get(i))) {
                log.warn("Reply to update {} in chat {} cut short: {} of {} messages sent", updateId, chatId, i, chunks.size());
                return;
            }
        }
        log.debug("Update {} answered in chat {} with {} message(s) by {}", updateId, chatId, chunks.size(),
                reply == null ? "?" : reply.model());
    }

    /** One message; retried only after a 429, when Telegram has certainly not delivered it. */
    private boolean send(long chatId, String text) {
        for (int attempt = 1; ; attempt++) {
            try {
                api.sendMessage(chatId, text);
                return true;
            } catch (TelegramApiException.RateLimited e) {
                if (attempt >= timing.sendAttempts()) {
                    lastError = e.getMessage();
                    log.warn("Message to chat {} not sent after {} attempts: {}", chatId, attempt, e.getMessage());
                    return false;
                }
                Duration wait = e.retryAfter().isZero() ? Duration.ofSeconds(1) : e.retryAfter();
                log.info("{}; sending to chat {} again in {} s", e.getMessage(), chatId, wait.toSeconds());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            } catch (IOException e) {
                lastError = e.getMessage();
                log.warn("Message to chat {} not sent: {}", chatId, e.getMessage());
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private void markHandled(long updateId) {
        try {
            offsets.markHandled(updateId);
        } catch (IOException e) {
            lastError = "cannot write " + offsets.file() + ": " + e.getMessage();
            log.error("Could not record update {} as handled in {} ({}); it may be answered again after a restart",
                    updateId, offsets.file(), e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "TelegramChannel[" + (botUsername == null ? "?" : "@" + botUsername) + ", " + api.apiRoot() + "]";
    }
}
