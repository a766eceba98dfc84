package jsup.supervisor.prestart;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcInfo;
import jsup.healthmon.proc.ProcessIdentity;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.config.PreStartStep.RunCommand;

/**
 * Runs one {@code pre_start} command: {@code sh -c command} in the app's cwd and environment, in a
 * session of its own ({@code setsid}) so that a timeout can kill everything it started.
 */
final class PreStartCommand {

    /** Used when a step carries no timeout. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    // After the command exits, a background child may still hold its pipes; do not wait for it long.
    private static final long READER_GRACE_MS = 500;
    private static final String SETSID = findOnPath("setsid");

    private final ProcFs procFs;

    PreStartCommand(ProcFs procFs) {
        this.procFs = procFs;
    }

    /** @return empty when the command exited 0 in time, otherwise why the start must fail */
    Optional<String> run(RunCommand step, AppSpec app) throws InterruptedException {
        Duration timeout = step.timeout() == null ? DEFAULT_TIMEOUT : step.timeout();
        String what = "pre_start \"" + step.command() + "\"";
        List<String> argv = new ArrayList<>();
        if (SETSID != null) {
            argv.add(SETSID);
        }
        argv.addAll(List.of("sh", "-c", step.command()));
        ProcessBuilder pb = new ProcessBuilder(argv)
                .directory(app.cwd().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(app.env());
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            return Optional.of(what + " could not be started in " + app.cwd() + ": " + e.getMessage()
                    + "; check that the folder exists and sh is on PATH");
        }
        OutputTail err = new OutputTail(process.getErrorStream());
        OutputTail out = new OutputTail(process.getInputStream());
        Thread errReader = reader("prestart-" + app.name() + "-err", err);
        Thread outReader = reader("prestart-" + app.name() + "-out", out);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(process);
                process.waitFor(2, TimeUnit.SECONDS);
                join(errReader, outReader);
                return Optional.of(what + " timed out after " + format(timeout)
                        + " (killed it and its process group)" + tail(err, out));
            }
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        }
        join(errReader, outReader);
        int code = process.exitValue();
        if (code != 0) {
            return Optional.of(what + " exited " + code + tail(err, out));
        }
        return Optional.empty();
    }

    /** SIGKILL to the command's session and process group and to every descendant that left them. */
    private void killTree(Process process) {
        int root = (int) process.pid();
        List<ProcInfo> all = procFs.snapshot();
        Set<Integer> doomed = new HashSet<>();
        doomed.add(root);
        for (ProcInfo p : all) {
            if (p.sid() == root || p.pgid() == root) {
                doomed.add(p.pid());
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ProcInfo p : all) {
                if (doomed.contains(p.ppid()) && doomed.add(p.pid())) {
                    grew = true;
                }
            }
        }
        for (ProcInfo p : all) {
            // Re-check each one's identity so a pid reused since the snapshot is never hit.
            if (doomed.contains(p.pid()) && new ProcessIdentity(p.pid(), p.startTime()).isAlive(procFs)) {
                ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        process.destroyForcibly();
    }

    private static String tail(OutputTail err, OutputTail out) {
        String text = err.text();
        if (text.isEmpty()) {
            text = out.text();
        }
        return text.isEmpty() ? " (no output)" : ": " + text.replace("\n", " | ");
    }

    private static Thread reader(String name, Runnable r) {
        Thread t = new Thread(null, r, name, 256 * 1024);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void join(Thread... readers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READER_GRACE_MS);
        for (Thread t : readers) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
    }

    /** 30000 ms → "30s", 90 s → "90s", 2 min → "2m", 1500 ms → "1500ms". */
    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms > 0 && ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms > 0 && ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }

    private static String findOnPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
