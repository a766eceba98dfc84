package jsup.supervisor.process;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The spawner in a JVM that is PID 1 of its own PID namespace ({@code unshare --pid --fork
 * --mount-proc}), as in a container: orphans of its apps are re-parented to it and become zombies
 * nobody else reaps. Skipped where this user may not create the namespace.
 */
class ReaperAsPid1Test {

    private Process jvm;

    @AfterEach
    void kill() {
        if (jvm != null) {
            jvm.descendants().forEach(ProcessHandle::destroyForcibly);
            jvm.destroyForcibly();
        }
    }

    @Test
    void asPid1TheReaperReapsOrphansAndStillDeliversItsAppsExits() throws Exception {
        assumeThat(unshareWorks()).as("unshare --pid --fork --mount-proc is permitted here").isTrue();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // C1 only and one GC thread, as the launcher runs short commands: this JVM lives a second or two.
        jvm = new ProcessBuilder("unshare", "--pid", "--fork", "--mount-proc", java,
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), Pid1.class.getName())
                .redirectErrorStream(true).start();
        assertThat(jvm.waitFor(120, SECONDS)).as("the PID 1 JVM ends").isTrue();
        String out = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out).contains("pid=1", "later exit=7", "zombies=0");
        assertThat(jvm.exitValue()).as(out).isZero();
    }

    private static boolean unshareWorks() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("unshare", "--pid", "--fork", "--mount-proc", "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs as PID 1: an app that leaves an orphan behind, then an app that ends after the orphan. */
    public static final class Pid1 {
        public static void main(String[] args) throws Exception {
            System.out.println("pid=" + ProcessHandle.current().pid());
            NativeSpawner spawner = NativeSpawner.get();
            int fd = 1; // this JVM's stdout: the apps print nothing
            // The orphan (sleep) is re-parented to this JVM when sh exits, and dies 0.3 s later.
            Process leaver = spawner.start(new ProcessBuilder("sh", "-c", "sleep 0.3 & exit 0"), fd, fd);
            System.out.println("leaver exit=" + (leaver.waitFor(30, SECONDS) ? leaver.exitValue() : "lost"));
            Process later = spawner.start(new ProcessBuilder("sh", "-c", "sleep 1; exit 7"), fd, fd);
            System.out.println("later exit=" + (later.waitFor(30, SECONDS) ? later.exitValue() : "lost"));
            long deadline = System.nanoTime() + SECONDS.toNanos(30);
            long zombies;
            do {
                zombies = zombies();
                if (zombies > 0) {
                    Thread.sleep(100);
                }
            } while (zombies > 0 && System.nanoTime() < deadline);
            System.out.println("zombies=" + zombies);
            System.exit(later.isAlive() || later.exitValue() != 7 || zombies > 0 ? 1 : 0);
        }

        private static long zombies() throws IOException {
            try (Stream<Path> dirs = Files.list(Path.of("/proc"))) {
                List<Path> pids = dirs.filter(d -> d.getFileName().toString().matches("\\d+")).toList();
                long n = 0;
                for (Path d : pids) {
                    try {
                        String stat = Files.readString(d.resolve("stat"));
                        if (stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z")) {
                            n++;
                        }
                    } catch (IOException gone) {
                        // reaped meanwhile
                    }
                }
                return n;
            }
        }
    }
}
