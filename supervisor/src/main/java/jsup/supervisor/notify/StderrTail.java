package jsup.supervisor.notify;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jsup.supervisor.SecretNames;

/**
 * The last lines of an app's stderr log for a notification: at most {@link #LINES} lines of at most
 * {@link #LINE_CHARS} characters, from the last {@link #BYTES} bytes, with the values of the app's
 * secret-looking variables (TOKEN, KEY, SECRET, PASS in the name, as {@code jsup env} masks them)
 * masked.
 */
final class StderrTail {

    static final int LINES = 10;
    static final int LINE_CHARS = 300;
    static final int BYTES = 16 * 1024;

    private StderrTail() {
    }

    static List<String> read(Path file, Map<String, String> env) {
        if (file == null) {
            return List.of();
        }
        String text;
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, f.length() - BYTES);
            byte[] bytes = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(bytes);
            text = new String(bytes, StandardCharsets.UTF_8);
            if (start > 0) {
                int nl = text.indexOf('\n');
                text = nl < 0 ? "" : text.substring(nl + 1); // drop the cut first line
            }
        } catch (IOException e) {
            return List.of();
        }
        String[] all = text.split("\n");
        List<String> lines = new ArrayList<>();
        for (int i = Math.max(0, all.length - LINES); i < all.length; i++) {
            String line = mask(all[i].stripTrailing(), env);
            if (!line.isEmpty()) {
                lines.add(line.length() > LINE_CHARS ? line.substring(0, LINE_CHARS - 1) + "…" : line);
            }
        }
        return lines;
    }

    private static String mask(String line, Map<String, String> env) {
        String out = line;
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (SecretNames.isSecret(e.getKey()) && e.getValue() != null && e.getValue().length() >= 4) {
                out = out.replace(e.getValue(), "••••");
            }
        }
        return out;
    }
}
