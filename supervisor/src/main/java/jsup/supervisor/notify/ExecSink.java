package jsup.supervisor.notify;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code sh -c command} with the event in its environment: {@code JSUP_EVENT}, {@code JSUP_APP},
 * {@code JSUP_REASON}, {@code JSUP_DETAIL}, {@code JSUP_TIME}, {@code JSUP_HOST}, {@code JSUP_TEXT},
 * {@code JSUP_STDERR}, {@code JSUP_SUPPRESSED}. A non-zero exit or the timeout is a failure.
 */
record ExecSink(String command, Duration timeout, Map<String, String> variables) implements Sink {

    @Override
    public String label() {
        String shown = command.length() > 40 ? command.substring(0, 39) + "…" : command;
        return "exec " + shown;
    }

    @Override
    public void send(NotifyEvent e) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = pb.environment();
        env.putAll(variables);
        env.put("JSUP_EVENT", e.event());
        env.put("JSUP_APP", e.app());
        env.put("JSUP_REASON", e.reason() == null ? "" : e.reason());
        env.put("JSUP_DETAIL", e.detail() == null ? "" : e.detail());
        env.put("JSUP_TIME", e.at().toString());
        env.put("JSUP_HOST", e.host());
        env.put("JSUP_TEXT", e.text());
        env.put("JSUP_STDERR", String.join("\n", e.stderr()));
        env.put("JSUP_SUPPRESSED", Integer.toString(e.suppressed()));
        Process p = pb.start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IOException("still running after " + timeout.toMillis() + " ms; killed");
            }
        } catch (InterruptedException ie) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        if (p.exitValue() != 0) {
            throw new IOException("exited with code " + p.exitValue());
        }
    }

    @Override
    public List<String> secrets() {
        return List.of();
    }
}
