package jsup.supervisor.internal;

import static jsup.supervisor.ProcessStatus.ERRORED;
import static jsup.supervisor.ProcessStatus.LAUNCHING;
import static jsup.supervisor.ProcessStatus.ONLINE;
import static jsup.supervisor.ProcessStatus.STOPPED;
import static jsup.supervisor.ProcessStatus.STOPPING;
import static jsup.supervisor.ProcessStatus.WAITING_RESTART;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import jsup.supervisor.AppStatus;
import jsup.supervisor.RestartRecord;
import jsup.supervisor.TestApps;
import jsup.supervisor.config.PreStartStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import jsup.supervisor.process.TreeUsage;

/** The lifecycle edge by edge, with a fake clock and fake children: no process, no sleep. */
class ManagedAppTest {

    private static final Duration MS = Duration.ofMillis(1);

    @TempDir
    Path dir;

    private EngineHarness harness(TestApps app) {
        return new EngineHarness(app.build());
    }

    @Test
    void stoppedToLaunchingToOnlineOnStart() {
        EngineHarness h = harness(TestApps.app("web", dir));
        AppStatus s = h.app.start(h.nowNanos);
        assertThat(s.status()).isEqualTo(ONLINE);
        assertThat(s.wantUp()).isTrue();
        assertThat(s.pid()).isEqualTo(100);
        assertThat(h.path()).containsExactly("launching", "online");
        assertThat(h.transitions.get(1).reason()).isEqualTo("pid 100");
    }

    @Test
    void onlineToLaunchingWhenACrashIsRestartedAtOnce() {
        EngineHarness h = harness(TestApps.app("web", dir));
        h.app.start(h.nowNanos);
        h.crashAfter(Duration.ofSeconds(5), 3);
        AppStatus s = h.app.snapshot();
        assertThat(s.status()).isEqualTo(ONLINE);
        assertThat(s.pid()).isEqualTo(101);
        assertThat(s.restarts()).isEqualTo(1);
        assertThat(s.lastExit()).isEqualTo("exit code 3");
        assertThat(s.restartHistory()).extracting(RestartRecord::reason, RestartRecord::uptime)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("exit code 3", Duration.ofSeconds(5)));
        assertThat(h.path()).containsExactly("launching", "online", "launching", "online");
    }

    @Test
    void onlineToWaitingRestartThenLaunchingWhenTheDelayIsOver() {
        EngineHarness h = harness(TestApps.app("web", dir).restartDelay(Duration.ofMillis(500)));
        h.app.start(h.nowNanos);
        h.crashAfter(Duration.ofSeconds(5), 128 + 11);
        assertThat(h.app.status()).isEqualTo(WAITING_RESTART);
        assertThat(h.transitions.get(2).reason()).isEqualTo("signal SIGSEGV; restart in 500ms");
        long deadline = h.runTasks();
        assertThat(deadline).isEqualTo(h.nowNanos + Duration.ofMillis(500).toNanos());
        h.advance(MS.multipliedBy(499));
        assertThat(h.app.status()).isEqualTo(WAITING_RESTART);
        h.advance(MS);
        assertThat(h.app.status()).isEqualTo(ONLINE);
        assertThat(h.children).hasSize(2);
    }

    @Test
    void stopDuringWaitingRestartCancelsThePendingRestart() {
        EngineHarness h = harness(TestApps.app("web", dir).restartDelay(Duration.ofSeconds(2)));
        h.app.start(h.nowNanos);
        h.crashAfter(Duration.ofSeconds(5), 1);
        CompletableFuture<AppStatus> stopped = h.app.stop(h.nowNanos);
        assertThat(stopped).isCompletedWithValueMatching(s -> s.status() == STOPPED && !s.wantUp());
        assertThat(h.transitions.get(3).reason()).isEqualTo("stop requested; pending restart cancelled");
        assertThat(h.advance(Duration.ofSeconds(10))).isEqualTo(ManagedApp.NEVER);
        assertThat(h.app.status()).isEqualTo(STOPPED);
        assertThat(h.children).hasSize(1);
    }

    @Test
    void onlineToErroredWhenACrashLoopStartsAnHourAfterTheFirstStart() {
        EngineHarness h = harness(TestApps.app("web", dir).minUptime(Duration.ofSeconds(1)).maxRestarts(3));
        h.app.start(h.nowNanos);
        h.crashAfter(Duration.ofHours(1), 1);
        h.crashAfter(MS.multipliedBy(100), 1);
        h.crashAfter(MS.multipliedBy(100), 1);
        assertThat(h.app.status()).isEqualTo(ONLINE);
        h.crashAfter(MS.multipliedBy(100), 1);
        AppStatus s = h.app.snapshot();
        assertThat(s.status()).isEqualTo(ERRORED);
        assertThat(s.unstableRestarts()).isEqualTo(3);
        assertThat(s.statusReason()).startsWith("crash loop: 3 unstable exits in a row");
        assertThat(h.children).hasSize(4);
        // The verdict is in the history `jsup describe` shows, after the restarts; it is not one itself.
        assertThat(s.restarts()).isEqualTo(3);
        assertThat(s.restartHistory()).extracting(RestartRecord::reason).containsExactly("exit code 1",
                "exit code 1", "exit code 1",
                "crash loop: 3 unstable exits in a row, each within min_uptime 1s; last exit code 1");
        assertThat(s.restartHistory().get(3).uptime()).isEqualTo(MS.multipliedBy(100));
    }

    @Test
    void aStableRunResetsTheCrashLoopCount() {
        EngineHarness h = harness(TestApps.app("web", dir).minUptime(Duration.ofSeconds(1)).maxRestarts(3));
        h.app.start(h.nowNanos);
        h.crashAfter(MS.multipliedBy(100), 1);
        h.crashAfter(MS.multipliedBy(100), 1);
        assertThat(h.app.snapshot().unstableRestarts()).isEqualTo(2);
        h.crashAfter(Duration.ofSeconds(1), 1);
        assertThat(h.app.snapshot().unstableRestarts()).isZero();
        h.crashAfter(MS.multipliedBy(100), 1);
        h.crashAfter(MS.multipliedBy(100), 1);
        assertThat(h.app.status()).isEqualTo(ONLINE);
    }

    @Test
    void backoffDelaysGrowAreCappedAndResetAfterALongRun() {
        EngineHarness h = harness(TestApps.app("web", dir).maxRestarts(100)
                .expBackoff(Duration.ofMillis(100), 2.0, Duration.ofMillis(300), Duration.ofSeconds(30)));
        h.app.start(h.nowNanos);
        long[] expected = {100, 200, 300, 300};
        for (long delay : expected) {
            h.crashAfter(Duration.ofSeconds(2), 1);
            assertThat(h.runTasks() - h.nowNanos).isEqualTo(Duration.ofMillis(delay).toNanos());
            h.advance(Duration.ofMillis(delay));
            assertThat(h.app.status()).isEqualTo(ONLINE);
        }
        h.crashAfter(Duration.ofSeconds(30), 1);
        assertThat(h.runTasks() - h.nowNanos).isEqualTo(Duration.ofMillis(100).toNanos());
    }

    @Test
    void onlineToStoppedWhenTheExitCodeIsAStopExitCode() {
        EngineHarness h = harness(TestApps.app("web", dir).stopExitCodes(0));
        h.app.start(h.nowNanos);
        h.crashAfter(Duration.ofSeconds(1), 0);
        assertThat(h.app.status()).isEqualTo(STOPPED);
        assertThat(h.transitions.get(2).reason()).isEqualTo("exit code 0 (in stop_exit_codes)");
    }

    @Test
    void onlineToStoppingToStoppedOnStopWhenTheTreeExits() {
        EngineHarness h = harness(TestApps.app("web", dir).killSignal("INT"));
        h.app.start(h.nowNanos);
        CompletableFuture<AppStatus> stopped = h.app.stop(h.nowNanos);
        assertThat(h.app.status()).isEqualTo(STOPPING);
        h.child().assertSignals("tree INT");
        assertThat(stopped).isNotDone();
        h.nowNanos += MS.multipliedBy(10).toNanos();
        h.child().exit(130);
        h.runTasks();
        assertThat(stopped).isCompletedWithValueMatching(s -> s.status() == STOPPED && s.pid() == 0);
        assertThat(h.app.snapshot().restarts()).isZero();
    }

    @Test
    void stoppingSendsSigkillToTheTreeAfterKillTimeout() {
        EngineHarness h = harness(TestApps.app("web", dir).killTimeout(Duration.ofSeconds(1)));
        h.app.start(h.nowNanos);
        CompletableFuture<AppStatus> stopped = h.app.stop(h.nowNanos);
        FakeChild c = h.child();
        c.leftovers = true;
        h.advance(MS.multipliedBy(300));
        c.exit(0); // the main process obeys, a grandchild does not
        h.runTasks();
        assertThat(h.app.status()).isEqualTo(STOPPING);
        h.advance(MS.multipliedBy(699));
        c.assertSignals("tree TERM");
        h.advance(MS);
        c.assertSignals("tree KILL");
        h.advance(Duration.ofMillis(50));
        assertThat(stopped).isCompletedWithValueMatching(s -> s.status() == STOPPED);
        assertThat(h.messages).contains("kill_timeout 1s passed: SIGKILL to 1 process");
    }

    @Test
    void stoppingToErroredWhenTheMainProcessSurvivesSigkillWithoutSpinningOrHanging() {
        EngineHarness h = harness(TestApps.app("web", dir).killTimeout(Duration.ofSeconds(1)));
        h.app.start(h.nowNanos);
        CompletableFuture<AppStatus> stopped = h.app.stop(h.nowNanos);
        FakeChild c = h.child(); // never exits: in D state, SIGKILL waits for it
        c.assertSignals("tree TERM");
        long next = h.advance(Duration.ofSeconds(1));
        c.assertSignals("tree KILL");
        assertThat(next).as("the next look is later, not now again").isEqualTo(h.nowNanos + ManagedApp.AFTER_KILL_NANOS);
        assertThat(h.advance(Duration.ofMillis(1999))).isEqualTo(h.nowNanos + MS.toNanos());
        assertThat(h.app.status()).isEqualTo(STOPPING);
        assertThat(stopped).isNotDone();

        assertThat(h.advance(MS)).isEqualTo(ManagedApp.NEVER);
        String reason = "pid 100 survived SIGKILL (uninterruptible?); it may still run, untracked";
        assertThat(stopped).isCompletedWithValueMatching(s -> s.status() == ERRORED && s.pid() == 0
                && reason.equals(s.statusReason()));
        assertThat(h.messages).contains(reason);
        assertThat(h.transitions.get(h.transitions.size() - 1).reason()).isEqualTo(reason);

        c.exit(137); // it wakes up at last: changes nothing
        h.runTasks();
        assertThat(h.app.status()).isEqualTo(ERRORED);
        assertThat(h.app.start(h.nowNanos).status()).isEqualTo(ONLINE);
    }

    @Test
    void aRestartWhoseMainProcessSurvivesSigkillEndsErroredAndLaunchesNoSecondCopy() {
        EngineHarness h = harness(TestApps.app("web", dir).killTimeout(Duration.ofSeconds(1)));
        h.app.start(h.nowNanos);
        CompletableFuture<AppStatus> restarted = h.app.restart(h.nowNanos, "manual");
        h.advance(Duration.ofSeconds(1));
        h.advance(Duration.ofNanos(ManagedApp.AFTER_KILL_NANOS));
        assertThat(restarted).isCompletedWithValueMatching(s -> s.status() == ERRORED);
        assertThat(h.children).hasSize(1);
    }

    @Test
    void manualRestartGoesThroughStoppingAndResetsTheCrashLoopCount() {
        EngineHarness h = harness(TestApps.app("web", dir).minUptime(Duration.ofSeconds(1)).maxRestarts(3));
        h.app.start(h.nowNanos);
        h.crashAfter(MS.multipliedBy(10), 1);
        h.crashAfter(MS.multipliedBy(10), 1);
        assertThat(h.app.snapshot().unstableRestarts()).isEqualTo(2);
        CompletableFuture<AppStatus> restarted = h.app.restart(h.nowNanos, "manual");
        assertThat(h.app.status()).isEqualTo(STOPPING);
        h.child().exit(143);
        h.runTasks();
        assertThat(restarted).isCompletedWithValueMatching(s -> s.status() == ONLINE && s.pid() == 103);
        AppStatus s = h.app.snapshot();
        assertThat(s.unstableRestarts()).isZero();
        assertThat(s.restarts()).isEqualTo(3);
        assertThat(s.restartHistory()).extracting(RestartRecord::reason)
                .containsExactly("exit code 1", "exit code 1", "manual");
        assertThat(h.path()).endsWith("stopping", "launching", "online");
    }

    @Test
    void memoryAboveTheCapRestartsWithReasonMemory() {
        EngineHarness h = harness(TestApps.app("web", dir).maxMemoryRestart(500L << 20));
        h.app.start(h.nowNanos);
        h.app.onUsage(new TreeUsage(400L << 20, 3.0, 2), h.nowNanos);
        assertThat(h.app.status()).isEqualTo(ONLINE);
        assertThat(h.app.snapshot().memoryBytes()).isEqualTo(400L << 20);
        h.app.onUsage(new TreeUsage(512L << 20, 3.0, 2), h.nowNanos);
        assertThat(h.app.status()).isEqualTo(STOPPING);
        h.child().exit(143);
        h.runTasks();
        assertThat(h.app.snapshot().restartHistory()).extracting(RestartRecord::reason)
                .containsExactly("memory 512M > 500M");
        assertThat(h.app.status()).isEqualTo(ONLINE);
    }

    @Test
    void launchingToErroredWhenTheCommandCannotRun() {
        EngineHarness h = harness(TestApps.app("web", dir));
        h.launchFailure = "cannot run \"nope\": not found on PATH (/bin); install it or give its absolute path";
        AppStatus s = h.app.start(h.nowNanos);
        assertThat(s.status()).isEqualTo(ERRORED);
        assertThat(s.statusReason()).isEqualTo(h.launchFailure);
        h.launchFailure = null;
        assertThat(h.app.start(h.nowNanos).status()).isEqualTo(ONLINE);
    }

    @Test
    void launchingToErroredWhenPreStartFails() {
        EngineHarness h = harness(TestApps.app("web", dir).preStart(new PreStartStep.RunCommand("false", null)));
        h.preStart = spec -> new PreStartHook.Outcome(false, "step 1 (false) exited 1");
        assertThat(h.app.start(h.nowNanos).status()).isEqualTo(LAUNCHING);
        h.runTasks();
        assertThat(h.app.snapshot().statusReason()).isEqualTo("pre-start failed: step 1 (false) exited 1");
        assertThat(h.app.status()).isEqualTo(ERRORED);
        assertThat(h.children).isEmpty();
    }

    @Test
    void launchingToStoppedWhenStoppedDuringPreStart() {
        EngineHarness h = harness(TestApps.app("web", dir).preStart(new PreStartStep.RunCommand("true", null)));
        h.app.start(h.nowNanos);
        assertThat(h.app.stop(h.nowNanos)).isCompletedWithValueMatching(s -> s.status() == STOPPED);
        h.runTasks(); // the pre-start result arrives late and is dropped
        assertThat(h.app.status()).isEqualTo(STOPPED);
        assertThat(h.children).isEmpty();
    }

    @Test
    void erroredToLaunchingOnStartWithAFreshCount() {
        EngineHarness h = harness(TestApps.app("web", dir).maxRestarts(1));
        h.app.start(h.nowNanos);
        h.crashAfter(MS, 1);
        assertThat(h.app.status()).isEqualTo(ERRORED);
        assertThat(h.app.start(h.nowNanos).status()).isEqualTo(ONLINE);
        assertThat(h.app.snapshot().unstableRestarts()).isZero();
    }

    @Test
    void aCrashWithLeftoversStopsThem() {
        EngineHarness h = harness(TestApps.app("web", dir));
        h.app.start(h.nowNanos);
        FakeChild first = h.child();
        first.leftovers = true;
        h.crashAfter(Duration.ofSeconds(3), 1);
        first.assertSignals("leftovers TERM");
    }

    @Test
    void theNextRunLaunchesOnlyOnceTheLeftoversOfTheLastAreGone() {
        EngineHarness h = harness(TestApps.app("web", dir));
        h.app.start(h.nowNanos);
        FakeChild first = h.child();
        first.leftovers = true;
        first.leftoversGone = new CompletableFuture<>();
        h.crashAfter(Duration.ofSeconds(3), 1);
        assertThat(h.app.status()).isEqualTo(LAUNCHING);
        h.advance(Duration.ofSeconds(5));
        assertThat(h.children).hasSize(1);

        first.leftoversGone.complete(null);
        h.runTasks();

        assertThat(h.app.status()).isEqualTo(ONLINE);
        assertThat(h.children).hasSize(2);
        assertThat(h.messages).contains("waiting for the processes left by the previous run to end before launching");
    }

    @Test
    void aStopWhileWaitingForLeftoversCompletesOnlyWhenTheyAreGoneAndLaunchesNothing() {
        EngineHarness h = harness(TestApps.app("web", dir));
        h.app.start(h.nowNanos);
        FakeChild first = h.child();
        first.leftovers = true;
        first.leftoversGone = new CompletableFuture<>();
        h.crashAfter(Duration.ofSeconds(3), 1);

        CompletableFuture<AppStatus> stopped = h.app.stop(h.nowNanos);
        assertThat(h.app.status()).isEqualTo(STOPPED);
        assertThat(stopped).isNotDone();

        first.leftoversGone.complete(null);
        h.runTasks();
        assertThat(stopped).isCompletedWithValueMatching(s -> s.status() == STOPPED);
        assertThat(h.children).hasSize(1);
    }

    @Test
    void aStartAfterAStopWaitsForTheLaunchStillQueuedSoTwoCopiesNeverRun() {
        EngineHarness h = harness(TestApps.app("web", dir));
        List<Runnable> launcherThread = new ArrayList<>(); // holds the spawn until the test runs it
        h.app.start(h.nowNanos, launcherThread::add);
        assertThat(h.app.status()).isEqualTo(LAUNCHING);
        CompletableFuture<AppStatus> stopped = h.app.stop(h.nowNanos);
        assertThat(h.app.status()).isEqualTo(STOPPED);

        assertThat(h.app.start(h.nowNanos).status()).isEqualTo(LAUNCHING);
        assertThat(h.children).as("nothing spawned while the first spawn is still queued").isEmpty();
        assertThat(h.messages).contains("waiting for the previous launch to end before launching");

        launcherThread.remove(0).run(); // the queued spawn fires at last, for a run nobody wants
        h.runTasks();
        FakeChild stale = h.child();
        stale.assertSignals("tree KILL");
        assertThat(h.children).hasSize(1);
        assertThat(stopped).isNotDone();

        stale.exit(137);
        h.runTasks();
        assertThat(stopped).isCompletedWithValueMatching(s -> s.status() == STOPPED);
        assertThat(h.children).hasSize(2);
        assertThat(h.app.snapshot()).matches(s -> s.status() == ONLINE && s.pid() == 101);
    }

    @Test
    void signalGoesToTheMainProcessAndIsRefusedWhenNotRunning() {
        EngineHarness h = harness(TestApps.app("web", dir));
        assertThatThrownBy(() -> h.app.signal("USR2"))
                .hasMessage("app web is not running (status stopped); start it before sending SIGUSR2");
        h.app.start(h.nowNanos);
        h.app.signal("sigusr2");
        h.child().assertSignals("main USR2");
    }
}
