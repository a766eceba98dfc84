package jsup.gateway.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import jsup.gateway.chat.ChatRequest;
import jsup.gateway.telegram.TelegramSettings.DmPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TelegramChannelTest extends ChannelTestSupport {

    @Test
    void startDeletesTheWebhookBeforePollingAndReportsTheBot() {
        fake.webhookSet();

        TelegramChannel channel = started(settings(DmPolicy.ALLOWLIST, 4000, true));

        fake.assertCallsStartWith("getMe", "deleteWebhook", "setMyCommands", "getUpdates");
        TelegramStatus status = channel.status();
        assertThat(status.running()).isTrue();
        assertThat(status.botUsername()).isEqualTo("jsup_test_bot");
        assertThat(status.lastError()).isNull();
        FakeTelegramApi.Call poll = fake.calls("getUpdates").get(0);
        assertThat(poll.params().path("timeout").asInt()).isEqualTo(FAST.pollTimeoutSeconds());
        assertThat(poll.params().path("allowed_updates").toString()).isEqualTo("[\"message\"]");
    }

    @Test
    void strangersGetNothingAndOnlyTheirIdIsLogged() {
        try (LogCapture logs = new LogCapture("jsup.gateway.telegram")) {
            started(allowlist());
            fake.queueText(MALLORY, "let me in");
            fake.queueGroupText(-500, MALLORY, "hello group");
            long aliceInGroup = fake.queueGroupText(-500, ALICE, "alice in the group");
            long alice = fake.queueText(ALICE, "hello");

            assertThat(fake.awaitTexts(ALICE, 1)).containsExactly("echo: hello");
            assertThat(fake.awaitTexts(-500, 1)).containsExactly("echo: alice in the group");

            fake.assertNothingSentTo(MALLORY);
            assertThat(handler.texts()).containsExactlyInAnyOrder("hello", "alice in the group");
            assertThat(handler.requests()).allSatisfy(r -> assertThat(r.userId()).isIn("1001"));
            assertThat(logs.lines()).filteredOn(l -> l.contains("user id 6666")).hasSize(2)
                    .allSatisfy(l -> assertThat(l).startsWith("INFO").doesNotContain("let me in").doesNotContain("hello group"));
            assertThat(logs.lines()).noneMatch(l -> l.contains("let me in"));
            await().atMost(Duration.ofSeconds(30)).until(() -> channelLastUpdate() >= Math.max(alice, aliceInGroup));
        }
    }

    @Test
    void openPolicyAnswersAnyoneInPrivateButGroupsStayAllowlisted() {
        started(settings(DmPolicy.OPEN, 4000, false));
        fake.queueGroupText(-500, MALLORY, "group spam");
        fake.queueText(MALLORY, "hi from a stranger");

        assertThat(fake.awaitTexts(MALLORY, 1)).containsExactly("echo: hi from a stranger");
        assertThat(fake.textsSentTo(-500)).isEmpty();
        assertThat(handler.texts()).containsExactly("hi from a stranger");
    }

    @Test
    void everyMessageGetsExactlyOneReply() {
        started(allowlist());
        fake.queueText(ALICE, "one");
        fake.queueText(ALICE, "two");
        fake.queueText(BOB, "three");

        assertThat(fake.awaitTexts(ALICE, 2)).containsExactly("echo: one", "echo: two");
        assertThat(fake.awaitTexts(BOB, 1)).containsExactly("echo: three");
        // A later poll confirms everything; the count must not grow after it.
        fake.awaitAllConfirmed();
        fake.queueText(BOB, "four");
        assertThat(fake.awaitTexts(BOB, 2)).containsExactly("echo: three", "echo: four");

        assertThat(fake.sentMessages()).hasSize(4);
        assertThat(handler.texts()).hasSize(4);
    }

    @ParameterizedTest
    @ValueSource(ints = {4000, 4096})
    void aTenThousandCharacterReplyArrivesInOrderedChunksWithinTheLimit(int limit) {
        String reply = ReplyChunkerTest.longReply();
        handler.replyWith(request -> reply);
        started(settings(DmPolicy.ALLOWLIST, limit, false));

        fake.queueText(ALICE, "write a lot");

        List<String> texts = fake.awaitTexts(ALICE, 3);
        assertThat(texts).hasSize(3).allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(limit).isLessThanOrEqualTo(4096));
        assertThat(String.join("\n\n", texts)).isEqualTo(reply.strip());
        assertThat(handler.texts()).containsExactly("write a lot");
    }

    @Test
    void aRestartedChannelAnswersNothingTwice() throws Exception {
        TelegramChannel first = started(allowlist());
        long firstUpdate = fake.queueText(ALICE, "first");
        assertThat(fake.awaitTexts(ALICE, 1)).containsExactly("echo: first");
        await().atMost(Duration.ofSeconds(30)).until(() -> first.status().lastUpdateId() == firstUpdate);
        first.stop(Duration.ofSeconds(1));
        assertThat(first.status().running()).isFalse();
        assertThat(Files.readString(stateDir.resolve("telegram/update-offset.json")).strip())
                .isEqualTo("{\"version\":1,\"lastUpdateId\":" + firstUpdate + "}");

        // Between the two runs: a new message, and the server offers the old one again.
        long secondUpdate = fake.queueText(ALICE, "second");
        fake.redeliverConfirmedOnNextPoll();
        int pollsBefore = fake.count("getUpdates");
        TelegramChannel second = started(allowlist());

        // The old update would be answered before the new one (one chat is answered in order).
        assertThat(fake.awaitTexts(ALICE, 2)).containsExactly("echo: first", "echo: second");
        assertThat(handler.texts()).containsExactly("first", "second");
        assertThat(fake.calls("getUpdates").get(pollsBefore).params().path("offset").asLong())
                .as("the second run starts after the persisted update").isEqualTo(firstUpdate + 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> second.status().lastUpdateId() == secondUpdate);
    }

    @Test
    void conflictsBackOffDoublingAndRecover() {
        fake.conflictNext(3);
        TelegramChannel channel = channel(allowlist());
        channel.start();
        fake.queueText(ALICE, "still there?");

        assertThat(fake.awaitTexts(ALICE, 1)).containsExactly("echo: still there?");
        assertThat(sleeper.seconds()).containsExactly(2L, 4L, 8L);
        await().atMost(Duration.ofSeconds(30)).until(() -> channel.status().healthy());

        // A good poll reset the backoff: the next conflict waits 2 s again.
        fake.conflictNext(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> sleeper.waits().size() == 4);
        assertThat(sleeper.seconds()).containsExactly(2L, 4L, 8L, 2L);
        fake.queueText(ALICE, "and now?");
        assertThat(fake.awaitTexts(ALICE, 2)).containsExactly("echo: still there?", "echo: and now?");
    }

    @Test
    void networkFailuresBackOffUpToThirtySecondsAndShowInTheStatus() {
        fake.dropNext("getUpdates", 12); // six failed polls: each read is retried once on a fresh connection
        AtomicReference<String> errorWhileFailing = new AtomicReference<>();
        TelegramChannel[] holder = new TelegramChannel[1];
        sleeper = new RecordingSleeper() {
            @Override
            public void sleep(Duration duration) throws InterruptedException {
                super.sleep(duration);
                errorWhileFailing.compareAndSet(null, holder[0].status().lastError());
            }
        };
        holder[0] = channel(allowlist());
        holder[0].start();
        fake.queueText(ALICE, "ping");

        assertThat(fake.awaitTexts(ALICE, 1)).containsExactly("echo: ping");
        assertThat(sleeper.seconds()).containsExactly(2L, 4L, 8L, 16L, 30L, 30L);
        assertThat(errorWhileFailing.get()).startsWith("Telegram getUpdates failed: ").doesNotContain(SECRET);
        await().atMost(Duration.ofSeconds(30)).until(() -> holder[0].status().lastError() == null);
    }

    @Test
    void aRateLimitedReplyWaitsRetryAfterAndIsSentOnce() {
        fake.rateLimitNext("sendMessage", 1, 3);
        started(allowlist());

        fake.queueText(ALICE, "hi");

        assertThat(fake.awaitTexts(ALICE, 1)).containsExactly("echo: hi");
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
        assertThat(fake.count("sendMessage")).isEqualTo(2);
    }

    @Test
    void oneChatIsAnsweredInOrderWhileOthersGoOnInParallel() {
        CountDownLatch release = new CountDownLatch(1);
        handler.replyWith(request -> {
            if (request.text().startsWith("slow")) {
                awaitQuietly(release);
            }
            return "echo: " + request.text();
        });
        started(allowlist());
        fake.queueText(ALICE, "slow 1");
        fake.queueText(ALICE, "a2");
        fake.queueText(BOB, "b1");
        fake.queueText(ALICE, "a3");
        fake.queueText(BOB, "b2");

        assertThat(fake.awaitTexts(BOB, 2)).containsExactly("echo: b1", "echo: b2");
        assertThat(fake.textsSentTo(ALICE)).as("alice's first message is still being worked on").isEmpty();
        release.countDown();

        assertThat(fake.awaitTexts(ALICE, 3)).containsExactly("echo: slow 1", "echo: a2", "echo: a3");
        assertThat(handler.events()).filteredOn(e -> e.endsWith("slow 1") || e.endsWith("a2") || e.endsWith("a3"))
                .containsExactly("start slow 1", "end slow 1", "start a2", "end a2", "start a3", "end a3");
    }

    @Test
    void typingShowsWhileTheRouterWorksAndNeverAfterTheReply() {
        CountDownLatch release = new CountDownLatch(1);
        handler.replyWith(request -> {
            awaitQuietly(release);
            return "done thinking";
        });
        started(allowlist());
        fake.queueText(ALICE, "think hard");

        await().atMost(Duration.ofSeconds(30)).until(() -> fake.count("sendChatAction") >= 3);
        release.countDown();
        assertThat(fake.awaitTexts(ALICE, 1)).containsExactly("done thinking");

        List<String> methods = fake.methods();
        assertThat(methods.lastIndexOf("sendChatAction")).isLessThan(methods.indexOf("sendMessage"));
        assertThat(fake.calls("sendChatAction")).allSatisfy(c -> {
            assertThat(c.params().path("action").asText()).isEqualTo("typing");
            assertThat(c.params().path("chat_id").asLong()).isEqualTo(ALICE);
        });
    }

    @Test
    void nonTextMessagesAreSkippedButCounted() {
        TelegramChannel channel = started(allowlist());
        long sticker = fake.queueSticker(ALICE);

        await().atMost(Duration.ofSeconds(30)).until(() -> channel.status().lastUpdateId() == sticker);
        long text = fake.queueText(ALICE, "words");
        assertThat(fake.awaitTexts(ALICE, 1)).containsExactly("echo: words");
        assertThat(handler.texts()).containsExactly("words");
        await().atMost(Duration.ofSeconds(30)).until(() -> channel.status().lastUpdateId() == text);
    }

    @Test
    void aFailingRouterGetsAnApologyAndTheChatGoesOn() {
        handler.replyWith(request -> {
            if (request.text().equals("crash")) {
                throw new IllegalStateException("router bug");
            }
            return "echo: " + request.text();
        });
        started(allowlist());
        fake.queueText(ALICE, "crash");
        fake.queueText(ALICE, "after");

        assertThat(fake.awaitTexts(ALICE, 2)).containsExactly(TelegramChannel.FAILURE_REPLY, "echo: after");
    }

    @Test
    void stopLetsARunningReplyFinishWithinGrace() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        handler.replyWith(request -> {
            started.countDown();
            awaitQuietly(release);
            return "finished";
        });
        TelegramChannel channel = started(allowlist());
        fake.queueText(ALICE, "slow");
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();

        // The reply is let go once the stop has begun (the channel no longer runs), so it ends within the grace.
        Thread releaser = new Thread(() -> {
            await().atMost(Duration.ofSeconds(60)).until(() -> !channel.status().running());
            release.countDown();
        });
        releaser.start();
        channel.stop(Duration.ofSeconds(60));
        releaser.join();

        assertThat(fake.textsSentTo(ALICE)).containsExactly("finished");
        assertThat(channel.status().running()).isFalse();
    }

    @Test
    void stopAbandonsAReplyNotReadyWhenGraceEnds() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        handler.replyWith(request -> {
            started.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                // the channel gave up on us: answer anyway, it must not be sent
            }
            return "too late";
        });
        TelegramChannel channel = started(allowlist());
        long update = fake.queueText(ALICE, "slow");
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();

        long begin = System.nanoTime();
        channel.stop(Duration.ofMillis(200));
        // The reply would hold the stop for 60 s: well below that, the stop gave up at its grace.
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(30));
        release.countDown();

        await().atMost(Duration.ofSeconds(30)).until(() -> handler.events().contains("end slow"));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(30)).until(() -> fake.textsSentTo(ALICE).isEmpty());
        assertThat(UpdateOffsetStore.open(stateDir).lastUpdateId()).as("not recorded: the next run may answer it")
                .isLessThan(update);
    }

    @Test
    void startsOnceAndRefusesWhenDisabled() {
        TelegramChannel channel = started(allowlist());
        assertThatThrownBy(channel::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("already running");

        TelegramSettings off = new TelegramSettings(false, TOKEN, DmPolicy.ALLOWLIST, Set.of(),
                TelegramSettings.StreamMode.OFF, 4000, false, fake.apiRoot());
        assertThatThrownBy(() -> channel(off).start()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("channels.telegram.enabled is false");
    }

    @Test
    void streamModeOffDeliversLikeBlock() {
        started(new TelegramSettings(true, TOKEN, DmPolicy.ALLOWLIST, Set.of(ALICE), TelegramSettings.StreamMode.OFF,
                4000, false, fake.apiRoot()));
        fake.queueText(ALICE, "hi");

        assertThat(fake.awaitTexts(ALICE, 1)).containsExactly("echo: hi");
        assertThat(fake.sentMessages()).hasSize(1);
    }

    @Test
    void requestsCarryTheChatTheSenderAndTheirName() {
        started(allowlist());
        fake.queueGroupText(-500, BOB, "in group");

        fake.awaitTexts(-500, 1);
        assertThat(handler.requests()).containsExactly(new ChatRequest("telegram", "-500", "1002", "user1002", "in group"));
    }

    private long channelLastUpdate() throws Exception {
        return UpdateOffsetStore.open(stateDir).lastUpdateId();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
