package jsup.supervisor.process;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import jsup.healthmon.proc.ProcFs;
import jsup.supervisor.StartedProcesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** kill(-pgid, 0) on real process groups: what survives the group's leader keeps the group, and only that. */
class GroupProbeTest {

    @RegisterExtension
    final StartedProcesses processes = new StartedProcesses();

    @Test
    void aGroupIsOccupiedWhileALeftoverOfItsExitedLeaderRunsAndEmptyOnceItEnds() throws Exception {
        assumeTrue(KillSyscall.available(), "kill(2) not bound here");
        GroupProbe probe = GroupProbe.of(ProcFs.SYSTEM);
        // setsid execs in place: the shell leads a group of its own, and leaves a sleep in it.
        Process leader = processes.start("/usr/bin/setsid", "sh", "-c", "sleep 60 >/dev/null 2>&1 & echo $!");
        int leftover;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(leader.getInputStream(),
                StandardCharsets.US_ASCII))) {
            leftover = Integer.parseInt(out.readLine().trim());
        }
        assertThat(leader.waitFor(60, SECONDS)).isTrue(); // exited and reaped
        int group = (int) leader.pid();

        assertThat(probe.mayHaveMembers(group)).as("the sleep is still in the group").isTrue();
        // Killed, the sleep goes to a reaper (here one that may never reap it: a zombie still counts).
        ProcessHandle.of(leftover).ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void aGroupWhoseOnlyProcessWasReapedIsEmpty() throws Exception {
        assumeTrue(KillSyscall.available(), "kill(2) not bound here");
        GroupProbe probe = GroupProbe.of(ProcFs.SYSTEM);
        Process leader = processes.start("/usr/bin/setsid", "sleep", "60");
        int group = (int) leader.pid();
        await().atMost(60, SECONDS).until(() -> probe.mayHaveMembers(group)); // setsid has run
        leader.destroyForcibly();
        assertThat(leader.waitFor(60, SECONDS)).isTrue(); // reaped by this JVM
        assertThat(probe.mayHaveMembers(group)).isFalse();
        assertThat(GroupProbe.of(new ProcFs(java.nio.file.Path.of("/tmp"))).mayHaveMembers(group))
                .as("a fixture's pids are not the system's: never ruled out").isTrue();
    }
}
