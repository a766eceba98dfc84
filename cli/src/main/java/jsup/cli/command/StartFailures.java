package jsup.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.cli.logs.LogTail;

/**
 * The failure of a start or restart: each app that did not come up, why (jsupd's status reason or
 * last exit), and the last lines of its error log, which is usually where the reason is.
 */
final class StartFailures {

    static final int STDERR_LINES = 10;

    private StartFailures() {
    }

    /** Exits 1 naming every app of {@code failed}; does nothing when it is empty. */
    static void failIfAny(List<JsonNode> failed) {
        if (failed.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode app : failed) {
            text.append(text.length() == 0 ? "jsup: " : "\n").append(describe(app));
            String errorFile = app.path("error_file").asText("");
            List<String> tail = errorFile.isEmpty() ? List.of() : tail(Path.of(errorFile));
            if (!tail.isEmpty()) {
                text.append("\n  last lines of ").append(errorFile).append(':');
                tail.forEach(line -> text.append("\n    ").append(line));
            }
        }
        String first = failed.get(0).path("name").asText();
        text.append("\nSee why with: jsup describe ").append(first).append("   and   jsup logs ").append(first)
                .append(" --nostream");
        throw new ExitException(ExitCode.FAILURE, text.toString());
    }

    /** {@code 'web' errored: crash loop: …}, {@code 'job' stopped: exit code 3}, or a crash loop under way. */
    static String describe(JsonNode app) {
        String name = "'" + app.path("name").asText() + "'";
        String status = app.path("status").asText();
        String reason = app.path("status_reason").asText("");
        String lastExit = app.path("last_exit").asText("");
        return switch (status) {
            case "errored" -> name + " errored" + (reason.isEmpty() ? "" : ": " + reason);
            case "stopped" -> name + " stopped on its own" + (lastExit.isEmpty() ? "" : " (" + lastExit + ")")
                    + (reason.isEmpty() ? "" : ": " + reason);
            default -> name + " keeps restarting (" + status + ", " + app.path("restarts").asInt()
                    + " restarts; last " + (lastExit.isEmpty() ? "exit unknown" : lastExit) + ")";
        };
    }

    private static List<String> tail(Path file) {
        try {
            return LogTail.lastLines(file, STDERR_LINES);
        } catch (IOException e) {
            return List.of("(cannot read it: " + e.getMessage() + ")");
        }
    }
}
