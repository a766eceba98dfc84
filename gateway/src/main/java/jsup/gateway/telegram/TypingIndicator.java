package jsup.gateway.telegram;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows "typing…" in a chat while the router works: {@code sendChatAction typing} at once and
 * again every interval, since Telegram clears the indicator after 5 s. Failures only cost the
 * indicator, so they are logged at debug level and otherwise ignored.
 */
final class TypingIndicator {

    private static final Logger log = LoggerFactory.getLogger(TypingIndicator.class);

    /** Stops the indicator it belongs to; idempotent. */
    interface Handle extends AutoCloseable {
        @Override
        void close();
    }

    private final TelegramBotApi api;
    private final Duration interval;
    private final ScheduledExecutorService scheduler;

    TypingIndicator(TelegramBotApi api, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("typing interval <= 0: " + interval);
        }
        this.api = api;
        this.interval = interval;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "telegram-typing");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Shows "typing…" in {@code chatId} until the handle is closed. The first action is sent on
     * the calling thread, and closing waits for a repeat in flight, so the indicator never
     * arrives after the reply it announces.
     */
    Handle start(long chatId) {
        Object lock = new Object();
        boolean[] closed = {false};
        sendTyping(chatId);
        ScheduledFuture<?> repeat;
        try {
            repeat = scheduler.scheduleWithFixedDelay(() -> {
                synchronized (lock) {
                    if (!closed[0]) {
                        sendTyping(chatId);
                    }
                }
            }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return () -> { };
        }
        return () -> {
            repeat.cancel(false);
            synchronized (lock) {
                closed[0] = true;
            }
        };
    }

    private void sendTyping(long chatId) {
        try {
            api.sendChatAction(chatId, "typing");
        } catch (IOException e) {
            log.debug("typing indicator for chat {} not shown: {}", chatId, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void shutdown() {
        scheduler.shutdownNow();
    }
}
