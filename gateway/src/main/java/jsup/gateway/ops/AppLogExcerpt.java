package jsup.gateway.ops;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code /logs <app>} shows: the last lines of the app's out file, then of its error file, each
 * under a one-line heading, small enough for one chat message. Long lines are cut, and when the
 * whole excerpt is too long the oldest lines go first.
 */
final class AppLogExcerpt {

    /** At most this many lines of each file. */
    static final int MAX_LINES = 50;
    /** Total characters, below the gateway's default Telegram chunk limit (4000) with room for a heading. */
    static final int MAX_CHARS = 3500;
    /** One log line longer than this is cut and marked with an ellipsis. */
    static final int MAX_LINE_CHARS = 300;

    private AppLogExcerpt() {
    }

    /** The excerpt of {@code outFile} and {@code errorFile} (either may be null); empty when both have no lines. */
    static List<String> of(Path outFile, Path errorFile, int lines) throws IOException {
        int n = Math.max(1, Math.min(MAX_LINES, lines));
        List<String> out = cut(read(outFile, n));
        List<String> err = cut(read(errorFile, n));
        if (out.isEmpty() && err.isEmpty()) {
            return List.of();
        }
        // The error file keeps at least half the room when the out file is chatty, and all it needs otherwise.
        String outHeading = heading("out", outFile);
        String errHeading = heading("error", errorFile);
        int outSize = size(out, outHeading);
        int errSize = size(err, errHeading);
        int errBudget = Math.min(errSize, Math.max(MAX_CHARS / 2, MAX_CHARS - outSize));
        int outBudget = MAX_CHARS - errBudget;
        List<String> excerpt = new ArrayList<>();
        section(excerpt, outHeading, out, outBudget);
        section(excerpt, errHeading, err, errBudget);
        return excerpt;
    }

    private static List<String> read(Path file, int n) throws IOException {
        if (file == null) {
            return List.of();
        }
        try {
            return LogFileTail.lastLines(file, n);
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()) + "; check the file's permissions", e);
        }
    }

    private static List<String> cut(List<String> lines) {
        List<String> cut = new ArrayList<>(lines.size());
        for (String l : lines) {
            cut.add(l.length() <= MAX_LINE_CHARS ? l : l.substring(0, MAX_LINE_CHARS - 1) + "…");
        }
        return cut;
    }

    private static String heading(String kind, Path file) {
        return "── " + kind + (file == null ? "" : " (" + file.getFileName() + ")") + " ──";
    }

    private static int size(List<String> lines, String heading) {
        if (lines.isEmpty()) {
            return 0;
        }
        int size = heading.length() + 1;
        for (String l : lines) {
            size += l.length() + 1;
        }
        return size;
    }

    /** Adds the heading and the newest lines that fit in {@code budget} characters. */
    private static void section(List<String> excerpt, String heading, List<String> lines, int budget) {
        if (lines.isEmpty()) {
            return;
        }
        int used = heading.length() + 1;
        int first = lines.size();
        while (first > 0 && used + lines.get(first - 1).length() + 1 <= budget) {
            used += lines.get(first - 1).length() + 1;
            first--;
        }
        if (first == lines.size()) {
            return; // not even one line fits
        }
        excerpt.add(heading);
        excerpt.addAll(lines.subList(first, lines.size()));
    }
}
