package jsup.cli.logs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The apps' log files when no jsupd runs (after {@code jsup kill}): those with jsup's default names in
 * {@code $JSUP_HOME/logs}, {@code <name>-out.log} and {@code <name>-error.log}. Rotated copies
 * ({@code <name>-out__<stamp>.log}) do not match. Files an app's {@code out_file}/{@code error_file}
 * put elsewhere are known only to a running jsupd, as are app ids and namespaces.
 */
public final class LogFilesOnDisk {

    static final String OUT_SUFFIX = "-out.log";
    static final String ERR_SUFFIX = "-error.log";

    private LogFilesOnDisk() {
    }

    /**
     * The log files in {@code logsDir}, by app name, stdout before stderr.
     *
     * @param app  an app name, or null for every app
     * @param out  include the stdout files
     * @param err  include the stderr files
     */
    public static List<LogSource> find(Path logsDir, String app, boolean out, boolean err) throws IOException {
        TreeMap<String, List<LogSource>> byApp = new TreeMap<>();
        try (Stream<Path> files = Files.list(logsDir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (out && name.endsWith(OUT_SUFFIX) && name.length() > OUT_SUFFIX.length()) {
                    add(byApp, app, new LogSource(name.substring(0, name.length() - OUT_SUFFIX.length()), "out", file));
                } else if (err && name.endsWith(ERR_SUFFIX) && name.length() > ERR_SUFFIX.length()) {
                    add(byApp, app, new LogSource(name.substring(0, name.length() - ERR_SUFFIX.length()), "err", file));
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<LogSource> sources = new ArrayList<>();
        for (List<LogSource> appSources : byApp.values()) {
            appSources.sort((a, b) -> a.stream().equals(b.stream()) ? 0 : a.stream().equals("out") ? -1 : 1);
            sources.addAll(appSources);
        }
        return sources;
    }

    private static void add(TreeMap<String, List<LogSource>> byApp, String wanted, LogSource source) {
        if (wanted == null || wanted.equals(source.app())) {
            byApp.computeIfAbsent(source.app(), k -> new ArrayList<>()).add(source);
        }
    }
}
