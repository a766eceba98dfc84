package jsup.healthmon.probe;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jsup.healthmon.DurationText;
import jsup.healthmon.proc.ProcFs;

/**
 * Passes when a command exits 0 within the timeout.
 *
 * <p>The command runs in its own session ({@code /usr/bin/setsid}), so on timeout the whole process
 * group goes with one SIGKILL, including children it started ({@code sh -c 'curl ... | grep ...'}).
 * stdout is discarded; the tail of stderr is kept for the result.
 */
public final class ExecProbe implements Probe {

    static final String SETSID = "/usr/bin/setsid";
    /** Characters of stderr quoted in a failing result. */
    static final int STDERR_TAIL = 300;

    private final List<String> command;
    private final ProcFs procFs;

    public ExecProbe(List<String> command, ProcFs procFs) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("exec probe command is empty; give e.g. [\"sh\", \"-c\", \"...\"]");
        }
        this.command = List.copyOf(command);
        this.procFs = procFs;
    }

    @Override
    public String describe() {
        return "exec " + String.join(" ", command);
    }

    @Override
    public ProbeResult check(Duration timeout) {
        long start = System.nanoTime();
        Path stderr = null;
        Process process = null;
        try {
            stderr = Files.createTempFile("jsup-probe-", ".stderr");
            List<String> argv = new ArrayList<>();
            argv.add(SETSID);
            argv.addAll(command);
            process = new ProcessBuilder(argv)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killGroup(process);
                return ProbeResult.fail(describe(), start, "timed out after " + DurationText.format(timeout));
            }
            int code = process.exitValue();
            if (code == 0) {
                return ProbeResult.pass(describe(), start, "exit code 0");
            }
            String tail = tail(stderr);
            return ProbeResult.fail(describe(), start, "exit code " + code + (tail.isEmpty() ? "" : ": " + tail));
        } catch (IOException e) {
            return ProbeResult.fail(describe(), start, "cannot run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (process != null) {
                killGroup(process);
            }
            return ProbeResult.fail(describe(), start, "interrupted");
        } finally {
            if (stderr != null) {
                try {
                    Files.deleteIfExists(stderr);
                } catch (IOException e) {
                    // A leftover empty temp file is harmless.
                }
            }
        }
    }

    /**
     * SIGKILLs the probe's process group. setsid made the probe a group leader (pgid == pid); if
     * that cannot be confirmed (it already exited, or setsid forked) only its own descendants are
     * killed, never a group that might contain the JVM.
     */
    private void killGroup(Process process) {
        int pid = (int) process.pid();
        boolean leader = procFs.stat(pid).map(info -> info.pgid() == pid).orElse(false);
        if (leader) {
            try {
                Process kill = new ProcessBuilder("kill", "-KILL", "--", "-" + pid)
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                kill.waitFor(5, TimeUnit.SECONDS);
            } catch (IOException e) {
                // Fall through to the per-process kill below.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int take = (int) Math.min(length, STDERR_TAIL * 4L);
            byte[] bytes = new byte[take];
            raf.seek(length - take);
            raf.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8).trim().replaceAll("\\s*\n\\s*", " | ");
            return text.length() > STDERR_TAIL ? "..." + text.substring(text.length() - STDERR_TAIL) : text;
        }
    }
}
