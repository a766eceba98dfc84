package jsup.gateway.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import jsup.gateway.telegram.TelegramSettings.DmPolicy;
import jsup.gateway.telegram.TelegramSettings.StreamMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, gap of item 1: {@code /healthz} reflects the Telegram lanes. A poller that hangs, and
 * reply workers that all hang while other chats wait, show as stuck; a slow but moving channel
 * does not. Stall times are shortened here; the defaults are in {@link ChannelTiming}.
 */
class TelegramLivenessTest extends ChannelTestSupport {

    private static final Duration STALL = Duration.ofMillis(300);

    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Socket> silent = new ArrayList<>();
    private ServerSocket mute;

    @AfterEach
    void releaseAndClose() throws IOException {
        release.countDown();
        for (Socket s : silent) {
            s.close();
        }
        if (mute != null) {
            mute.close();
        }
    }

    /** {@code pollerStall} must exceed the 1 s long poll unless the test wants the poller called stuck. */
    private TelegramChannel channel(TelegramSettings settings, int workers, Duration pollerStall) {
        ChannelTiming timing = new ChannelTiming(1, Duration.ofMillis(100), PollBackoff.INITIAL, PollBackoff.MAX, 3, workers,
                pollerStall, STALL);
        TelegramChannel channel = new TelegramChannel(settings, handler, stateDir, timing, sleeper);
        track(channel);
        return channel;
    }

    @Test
    void aPollerHangingOnABotApiThatNeverAnswersIsStuck() throws IOException {
        mute = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            try {
                while (true) {
                    silent.add(mute.accept()); // reads nothing, answers nothing
                }
            } catch (IOException closed) {
                // test over
            }
        }, "mute-bot-api");
        accept.setDaemon(true);
        accept.start();
        TelegramChannel channel = channel(new TelegramSettings(true, TOKEN, DmPolicy.ALLOWLIST, Set.of(ALICE), StreamMode.BLOCK,
                TelegramSettings.DEFAULT_CHUNK_LIMIT, false, URI.create("http://127.0.0.1:" + mute.getLocalPort())), 2, STALL);
        assertThat(channel.stuck()).as("not started").isEmpty();

        channel.start();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(channel.stuck())
                .hasValueSatisfying(why -> assertThat(why).contains("Telegram poller has not come round its loop")));
        channel.stop(Duration.ofSeconds(1));
        assertThat(channel.stuck()).as("stopped").isEmpty();
    }

    @Test
    void workersThatAllHangWhileAnotherChatWaitsAreStuckAndRecoverWhenTheyFinish() {
        handler.replyWith(request -> {
            if (request.text().equals("hang")) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return "done " + request.text();
        });
        TelegramChannel channel = channel(allowlist(), 1, Duration.ofMinutes(1));
        channel.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> channel.status().healthy());

        fake.queueText(ALICE, "hang");
        await().atMost(Duration.ofSeconds(30)).until(() -> handler.texts().contains("hang"));
        assertThat(channel.stuck()).as("the only worker is busy but nobody waits").isEmpty();

        fake.queueText(BOB, "waiting");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(channel.stuck())
                .hasValueSatisfying(why -> assertThat(why).contains("all 1 Telegram reply workers are busy")));
        assertThat(channel.status().healthy()).as("polling itself is fine").isTrue();

        release.countDown();
        assertThat(fake.awaitTexts(BOB, 1)).containsExactly("done waiting");
        assertThat(channel.stuck()).isEmpty();
    }
}
