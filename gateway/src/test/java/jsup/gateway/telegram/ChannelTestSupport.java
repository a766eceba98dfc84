package jsup.gateway.telegram;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jsup.gateway.telegram.TelegramSettings.DmPolicy;
import jsup.gateway.telegram.TelegramSettings.StreamMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fake Bot API, a recording router and channels that are stopped after each test. */
abstract class ChannelTestSupport {

    static final long ALICE = 1001;
    static final long BOB = 1002;
    static final long MALLORY = 6666;
    static final String TOKEN = FakeTelegramApi.DEFAULT_TOKEN;
    static final String SECRET = TOKEN.substring(TOKEN.indexOf(':') + 1);
    /** Short long polls and typing repeats; the real backoff numbers (the sleeper does not wait). */
    static final ChannelTiming FAST = new ChannelTiming(1, Duration.ofMillis(100), PollBackoff.INITIAL, PollBackoff.MAX, 3, 4);

    @TempDir
    Path stateDir;

    FakeTelegramApi fake;
    final RecordingChatHandler handler = new RecordingChatHandler();
    RecordingSleeper sleeper = new RecordingSleeper();
    private final List<TelegramChannel> channels = new ArrayList<>();

    @BeforeEach
    void startFake() throws IOException {
        fake = FakeTelegramApi.start();
    }

    @AfterEach
    void stopEverything() {
        channels.forEach(channel -> channel.stop(Duration.ofSeconds(1)));
        fake.close();
    }

    TelegramSettings settings(DmPolicy policy, int chunkLimit, boolean nativeCommands) {
        return new TelegramSettings(true, TOKEN, policy, Set.of(ALICE, BOB), StreamMode.BLOCK, chunkLimit, nativeCommands,
                fake.apiRoot());
    }

    TelegramSettings allowlist() {
        return settings(DmPolicy.ALLOWLIST, TelegramSettings.DEFAULT_CHUNK_LIMIT, false);
    }

    TelegramChannel channel(TelegramSettings settings) {
        return track(new TelegramChannel(settings, handler, stateDir, FAST, sleeper));
    }

    /** Stops {@code channel} after the test. */
    TelegramChannel track(TelegramChannel channel) {
        channels.add(channel);
        return channel;
    }

    /** Starts a channel and waits until it long-polls with a healthy status. */
    TelegramChannel started(TelegramSettings settings) {
        TelegramChannel channel = channel(settings);
        int pollsBefore = fake.count("getUpdates");
        channel.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> channel.status().healthy() && fake.count("getUpdates") > pollsBefore);
        return channel;
    }
}
