package jsup.cli.monit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jsup.cli.logs.LogTail;

/**
 * The last lines of an app's out and err logs, read from the files as {@code jsup logs} reads them
 * (jsupd only says where they are): only the end of each file is read, so a large log costs what is
 * shown.
 */
public record AppLogTail(List<String> out, List<String> err) {

    public static final AppLogTail NONE = new AppLogTail(List.of(), List.of());

    public AppLogTail {
        out = List.copyOf(out);
        err = List.copyOf(err);
    }

    /** The last {@code lines} of each of {@code app}'s logs; an unreadable file gives a line saying so. */
    public static AppLogTail read(AppRow app, int lines) {
        return new AppLogTail(tail(app.outFile(), lines), tail(app.errorFile(), lines));
    }

    /** An app's line made safe to draw: its colour codes dropped, tabs and other controls as spaces. */
    static String printable(String line) {
        return line.replaceAll("\u001b\\[[0-9;?]*[ -/]*[@-~]", "").replaceAll("\\p{Cntrl}", " ");
    }

    private static List<String> tail(String file, int lines) {
        if (file == null) {
            return List.of();
        }
        try {
            List<String> all = new ArrayList<>(LogTail.lastLines(Path.of(file), lines));
            all.replaceAll(AppLogTail::printable);
            return all;
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }
}
