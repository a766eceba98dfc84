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
 * {@link #LINE_CHARS} characters, from the last {@link #BYTES} bytes, masked as {@code jsup env}
 * masks (by {@link SecretNames}): the values of the app's secret-looking variables (TOKEN, KEY,
 * SECRET, PASS … in the name), the password of a URL variable ({@code DATABASE_URL}), and the
 * password of any URL in the line ({@code https://user:pass@host}).
 */
final class StderrTail {

    static final int LINES = 10;
    static final int LINE_CHARS = 300;
    static final int BYTES = 16 * 1024;
    static final String MASK = "••••";

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
            String value = e.getValue();
            if (value == null) {
                continue;
            }
            // Shorter values are left: "pw" or "1" would mask half the line and hide nothing.
            String secret = SecretNames.isSecret(e.getKey()) ? value : SecretNames.urlPassword(value);
            if (secret != null && secret.length() >= 4) {
                out = out.replace(secret, MASK);
            }
        }
        return SecretNames.maskUrlPasswordsIn(out, MASK);
    }
}
