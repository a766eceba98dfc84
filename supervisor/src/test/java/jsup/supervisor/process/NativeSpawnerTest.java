package jsup.supervisor.process;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** posix_spawn through JNA and the one reaper thread, with real children. */
class NativeSpawnerTest {

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();
    private Pipe out;
    private Pipe err;
    private NativeSpawner spawner;
    /** A child of this JVM started behind the spawner's back, left unreaped until the teardown. */
    private int foreign;

    @BeforeEach
    void open() throws IOException {
        spawner = NativeSpawner.get();
        // Where it cannot load, jsupd uses ProcessBuilder (supported); it must load on glibc >= 2.34.
        assumeTrue(spawner != null || !GlibcVersion.atLeast(2, 34),
                "native spawning needs glibc 2.34 or later; this C library is " + GlibcVersion.describe());
        assertThat(spawner).as("native spawning loads on glibc %s", GlibcVersion.describe()).isNotNull();
        out = Pipe.open();
        err = Pipe.open();
    }

    @AfterEach
    void close() throws IOException {
        if (foreign > 0) {
            CLib.C.waitpid(foreign, new IntByReference(), 0);
        }
        started.forEach(Process::destroyForcibly);
        for (Pipe p : new Pipe[] {out, err}) {
            p.sink().close();
            p.source().close();
        }
    }

    private Process spawn(ProcessBuilder builder) throws IOException {
        Process p = spawner.start(builder, PipeFds.of(out.sink()), PipeFds.of(err.sink()));
        started.add(p);
        return p;
    }

    private static String readAll(Pipe pipe) throws IOException {
        pipe.sink().close(); // our copy: the end of the child's output is then the end of the pipe
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(4096);
        while (pipe.source().read(buf) >= 0) {
            got.write(buf.array(), 0, buf.position());
            buf.clear();
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    @Test
    void inheritedDescriptorsBecomeFds3And4InTheirOrderAndNothingElseIsPassed() throws Exception {
        Pipe first = Pipe.open();
        Pipe second = Pipe.open();
        try {
            ProcessBuilder b = new ProcessBuilder("sh", "-c", "echo one >&3; echo two >&4; ls /proc/self/fd | tr '\\n' ' '");
            // The second pipe's descriptor first: fd 3 is whatever comes first in the list, whatever its number.
            Process p = spawner.start(b, PipeFds.of(out.sink()), PipeFds.of(err.sink()),
                    new int[] {PipeFds.of(second.sink()), PipeFds.of(first.sink())});
            started.add(p);
            assertThat(p.waitFor(60, SECONDS)).isTrue();
            assertThat(readAll(second)).isEqualTo("one\n");
            assertThat(readAll(first)).isEqualTo("two\n");
            // 0-4 and the directory ls reads.
            assertThat(readAll(out).trim().split(" ")).containsExactly("0", "1", "2", "3", "4", "5");
        } finally {
            for (Pipe pipe : new Pipe[] {first, second}) {
                pipe.sink().close();
                pipe.source().close();
            }
        }
    }

    @Test
    void theChildGetsThePipesDevNullAsStdinTheDirectoryAndTheEnvironmentAndNothingElse() throws Exception {
        ProcessBuilder b = new ProcessBuilder("sh", "-c",
                "pwd; echo \"$GREETING\"; cat; ls /proc/self/fd | tr '\\n' ' '; echo oops >&2").directory(dir.toFile());
        b.environment().put("GREETING", "héllo");
        Process p = spawn(b);
        assertThat(p.waitFor(60, SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        String[] lines = readAll(out).split("\n");
        assertThat(lines[0]).isEqualTo(dir.toRealPath().toString());
        assertThat(lines[1]).isEqualTo("héllo");
        // stdin was /dev/null (cat ended at once); 0-2 and the directory ls itself reads, nothing of jsupd's.
        assertThat(lines[2].trim().split(" ")).containsExactly("0", "1", "2", "3");
        assertThat(readAll(err)).isEqualTo("oops\n");
    }

    @Test
    void oneCommandSpawnsAgainAndAgainAsMadeWhateverItsBuilderBecomesLater() throws Exception {
        ProcessBuilder b = new ProcessBuilder("sh", "-c", "echo \"$(pwd) $GREETING $0\"", "x").directory(dir.toFile());
        b.environment().put("GREETING", "héllo");
        SpawnCommand command = new SpawnCommand(b);
        b.environment().put("GREETING", "changed");
        b.command("false");
        for (int i = 0; i < 3; i++) {
            Process p = spawner.start(command, PipeFds.of(out.sink()), PipeFds.of(err.sink()));
            started.add(p);
            assertThat(p.waitFor(60, SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
        String line = dir.toRealPath() + " héllo x\n";
        assertThat(readAll(out)).isEqualTo(line + line + line);
    }

    @Test
    void exitCodesAndKillingSignalsAreReportedAsProcessBuilderReportsThem() throws Exception {
        Process code = spawn(new ProcessBuilder("sh", "-c", "exit 7"));
        Process killed = spawn(new ProcessBuilder("sh", "-c", "kill -9 $$"));
        assertThat(code.onExit().get(60, SECONDS).exitValue()).isEqualTo(7);
        assertThat(killed.waitFor()).isEqualTo(128 + 9);
        assertThat(killed.isAlive()).isFalse();
    }

    @Test
    void aRunningChildIsAliveAndItsHandleOutlivesIt() throws Exception {
        Process p = spawn(new ProcessBuilder("sleep", "30"));
        assertThat(p.isAlive()).isTrue();
        assertThatThrownBy(p::exitValue).isInstanceOf(IllegalThreadStateException.class);
        assertThat(p.waitFor(50, MILLISECONDS)).isFalse();
        ProcessHandle handle = p.toHandle();
        p.destroy();
        assertThat(p.waitFor()).isEqualTo(128 + 15);
        assertThat(p.toHandle()).isSameAs(handle);
        assertThat(handle.isAlive()).isFalse();
    }

    @Test
    void aProgramThatCannotRunFailsLikeProcessBuilderAndLeavesNothingRunning() {
        assertThatThrownBy(() -> spawn(new ProcessBuilder("/nonexistent/program")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Cannot run program \"/nonexistent/program\"")
                .hasMessageContaining("No such file or directory");
        assertThatThrownBy(() -> spawn(new ProcessBuilder("no-such-program-on-path-jsup")))
                .isInstanceOf(IOException.class).hasMessageContaining("error=2");
    }

    @Test
    void childrenCostNoReaperThreadOfTheirOwn() throws Exception {
        long before = reaperThreads();
        for (int i = 0; i < 20; i++) {
            spawn(new ProcessBuilder("sleep", "30"));
        }
        // At most as many as before: an idle JDK reaper thread of an earlier test may end meanwhile.
        assertThat(reaperThreads()).isLessThanOrEqualTo(before);
        assertThat(Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("child-reaper")).count()).isEqualTo(1);
    }

    @Test
    void theJdksOwnChildrenKeepTheirExitCodesWhileNativeChildrenComeAndGo() throws Exception {
        List<Process> jdk = new ArrayList<>();
        List<Process> ours = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ours.add(spawn(new ProcessBuilder("sh", "-c", "exit " + (100 + i))));
            jdk.add(new ProcessBuilder("sh", "-c", "exit " + i).start());
        }
        for (int i = 0; i < 20; i++) {
            assertThat(jdk.get(i).waitFor()).as("JDK child %d", i).isEqualTo(i);
            assertThat(ours.get(i).waitFor()).as("native child %d", i).isEqualTo(100 + i);
        }
    }

    @Test
    void exitsAreDeliveredWhileAChildTheSpawnerDidNotStartLiesUnreapedFirstInLine() throws Exception {
        IntByReference pid = new IntByReference();
        assertThat(CLib.C.posix_spawnp(pid, "true", null, null, new String[] {"true"}, new String[0])).isZero();
        foreign = pid.getValue();
        await().atMost(10, SECONDS).until(() -> isZombie(foreign));

        Process first = spawn(new ProcessBuilder("sh", "-c", "exit 7"));
        assertThat(first.waitFor(20, SECONDS)).as("an exit behind the foreign zombie is delivered").isTrue();
        assertThat(first.exitValue()).isEqualTo(7);
        Process second = spawn(new ProcessBuilder("sh", "-c", "kill -9 $$"));
        assertThat(second.waitFor(20, SECONDS)).isTrue();
        assertThat(second.exitValue()).isEqualTo(128 + 9);
        assertThat(isZombie(foreign)).as("not ours to reap: this JVM is neither PID 1 nor a subreaper").isTrue();
    }

    @Test
    void aSignalGoesThroughThePidfdOpenedAtTheSpawnAndThatFdIsClosedAtTheExit() throws Exception {
        List<Process> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(spawn(new ProcessBuilder("sleep", "30")));
        }
        assertThat(openPidfdsOf(batch)).as("one pidfd per running child").isEqualTo(30);
        for (Process p : batch) {
            assertThat(SpawnedProcesses.signal(p, 10)).isTrue(); // SIGUSR1 ends sleep
        }
        for (Process p : batch) {
            assertThat(p.waitFor(20, SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(128 + 10);
            assertThat(SpawnedProcesses.signal(p, 10)).as("never after the exit").isFalse();
        }
        assertThat(openPidfdsOf(batch)).as("every pidfd closed").isZero();
        assertThat(SpawnedProcesses.startTime(batch.get(0))).isPositive();
    }

    /**
     * This JVM's open pidfds for {@code batch} (the kernel names each one's process in its fdinfo): other
     * tests' children and files come and go meanwhile, so a count of all descriptors would not say.
     */
    private static long openPidfdsOf(List<Process> batch) throws IOException {
        Set<String> pids = new HashSet<>();
        batch.forEach(p -> pids.add(Long.toString(p.pid())));
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().contains("pidfd")
                            && Files.readAllLines(Path.of("/proc/self/fdinfo").resolve(fd.getFileName())).stream()
                                    .anyMatch(l -> l.startsWith("Pid:") && pids.contains(l.substring(4).strip()));
                } catch (IOException e) {
                    return false; // closed meanwhile (the listing's own descriptor, too)
                }
            }).count();
        }
    }

    private static boolean isZombie(int pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    }

    /** libc, to start a child as code outside jsup's spawner would. */
    interface CLib extends Library {
        CLib C = Native.load("c", CLib.class);

        int posix_spawnp(IntByReference pid, String file, Pointer actions, Pointer attr, String[] argv, String[] envp);

        int waitpid(int pid, IntByReference status, int options);
    }

    private static long reaperThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("process reaper")).filter(Thread::isAlive).count();
    }
}
