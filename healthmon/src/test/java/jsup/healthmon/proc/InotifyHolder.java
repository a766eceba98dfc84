package jsup.healthmon.proc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real helper process (python3 + ctypes) that holds a known number of inotify watches: one
 * instance per entry of {@code watchesPerInstance}, each watching that many fresh folders. It exits
 * when its stdin closes.
 */
final class InotifyHolder implements AutoCloseable {

    private static final String SCRIPT = String.join("\n",
            "import ctypes, os, sys",
            "libc = ctypes.CDLL(None, use_errno=True)",
            "base = sys.argv[1]",
            "fds = []",
            "for i, n in enumerate(int(a) for a in sys.argv[2:]):",
            "    fd = libc.inotify_init()",
            "    if fd < 0: sys.exit('inotify_init failed: errno %d' % ctypes.get_errno())",
            "    fds.append(fd)",
            "    for j in range(n):",
            "        d = os.path.join(base, 'i%d_w%d' % (i, j))",
            "        os.mkdir(d)",
            "        if libc.inotify_add_watch(fd, d.encode(), 0x100) < 0:",
            "            sys.exit('inotify_add_watch failed: errno %d' % ctypes.get_errno())",
            "print(' '.join(str(f) for f in fds), flush=True)",
            "sys.stdin.read()");

    final Process process;
    final String fds;

    InotifyHolder(Path folder, int... watchesPerInstance) throws IOException {
        String[] argv = new String[4 + watchesPerInstance.length];
        argv[0] = "python3";
        argv[1] = "-c";
        argv[2] = SCRIPT;
        argv[3] = folder.toString();
        for (int i = 0; i < watchesPerInstance.length; i++) {
            argv[4 + i] = Integer.toString(watchesPerInstance[i]);
        }
        Files.createDirectories(folder);
        process = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))
                .readLine();
        if (line == null) {
            close();
            throw new IOException("inotify helper exited before it was ready (exit " + process.exitValue() + ")");
        }
        fds = line.trim();
    }

    int pid() {
        return (int) process.pid();
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }
}
