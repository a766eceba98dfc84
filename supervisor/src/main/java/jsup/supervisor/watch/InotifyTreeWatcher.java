package jsup.supervisor.watch;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jsup.supervisor.watch.InotifyApi.InotifyException;

/**
 * One inotify instance for all of an app's paths: a watch on every folder of each tree (ignored folders are
 * skipped before they get one), new folders added as they appear, a watched file followed through its folder
 * so an editor's replace-by-rename is seen. One thread per app waits in {@code poll(2)}.
 */
final class InotifyTreeWatcher implements TreeWatcher {

    static final int DIR_MASK = InotifyApi.IN_MODIFY | InotifyApi.IN_ATTRIB | InotifyApi.IN_CLOSE_WRITE
            | InotifyApi.IN_MOVED_FROM | InotifyApi.IN_MOVED_TO | InotifyApi.IN_CREATE | InotifyApi.IN_DELETE
            | InotifyApi.IN_DELETE_SELF | InotifyApi.IN_MOVE_SELF | InotifyApi.IN_ONLYDIR
            | InotifyApi.IN_DONT_FOLLOW | InotifyApi.IN_EXCL_UNLINK;
    private static final int BUFFER = 64 * 1024;
    private static final int WAIT_MILLIS = 60_000;

    /** A watched folder; {@code onlyNames} non-null when it is watched only for some files in it. */
    private record Dir(Path path, Set<String> onlyNames) {
    }

    private final InotifyApi api;
    private final IgnoreRules ignore;
    private final Listener listener;
    private final int fd;
    private final Map<Integer, Dir> dirs = new HashMap<>();
    private volatile boolean closed;
    private Thread reader;

    private InotifyTreeWatcher(InotifyApi api, IgnoreRules ignore, Listener listener, int fd) {
        this.api = api;
        this.ignore = ignore;
        this.listener = listener;
        this.fd = fd;
    }

    /**
     * Sets up the watches and starts the reader thread.
     *
     * @throws InotifyException when an inotify limit is reached (nothing is left open)
     */
    static InotifyTreeWatcher start(InotifyApi api, List<Path> paths, IgnoreRules ignore, Listener listener,
                                    String threadName) throws InotifyException {
        int fd = api.init();
        InotifyTreeWatcher w = new InotifyTreeWatcher(api, ignore, listener, fd);
        try {
            for (Path p : paths) {
                if (Files.isDirectory(p)) {
                    w.addTree(p);
                } else {
                    w.addFile(p);
                }
            }
        } catch (InotifyException e) {
            api.close(fd);
            throw e;
        }
        w.reader = new Thread(w::readLoop, threadName);
        w.reader.setDaemon(true);
        w.reader.start();
        return w;
    }

    @Override
    public String mode() {
        return "inotify";
    }

    @Override
    public synchronized int watches() {
        return dirs.size();
    }

    private void addFile(Path file) throws InotifyException {
        Path parent = file.getParent();
        int wd = watch(parent);
        if (wd >= 0) {
            synchronized (this) {
                Dir d = dirs.get(wd);
                Set<String> names = new HashSet<>(d == null || d.onlyNames() == null ? Set.of() : d.onlyNames());
                names.add(file.getFileName().toString());
                dirs.put(wd, new Dir(parent, names));
            }
        }
    }

    /** Watches {@code root} and every folder under it that is not ignored. */
    private void addTree(Path root) throws InotifyException {
        InotifyException[] limit = new InotifyException[1];
        TreeWalk.walk(root, ignore, dir -> {
            try {
                int wd = watch(dir);
                if (wd >= 0) {
                    synchronized (InotifyTreeWatcher.this) {
                        dirs.put(wd, new Dir(dir, null));
                    }
                }
                return true;
            } catch (InotifyException e) {
                limit[0] = e;
                return false;
            }
        });
        if (limit[0] != null) {
            throw limit[0];
        }
    }

    /** The watch descriptor, or -1 when the folder vanished or cannot be read; a limit is thrown. */
    private int watch(Path dir) throws InotifyException {
        try {
            return api.addWatch(fd, dir.toString(), DIR_MASK);
        } catch (InotifyException e) {
            if (e.limitReached()) {
                throw e;
            }
            return -1;
        }
    }

    private void readLoop() {
        byte[] buffer = new byte[BUFFER];
        try {
            while (!closed) {
                int n = api.await(fd, buffer, WAIT_MILLIS);
                if (n > 0 && !closed) {
                    handle(ByteBuffer.wrap(buffer, 0, n).order(ByteOrder.nativeOrder()));
                }
            }
        } catch (InotifyException e) {
            if (!closed) {
                listener.failed(e.getMessage());
            }
        } finally {
            api.close(fd);
        }
    }

    /** One read's events: folder bookkeeping first, then one change report for the batch. */
    private void handle(ByteBuffer events) {
        Path changed = null;
        while (events.remaining() >= 16) {
            int wd = events.getInt();
            int mask = events.getInt();
            events.getInt(); // cookie
            int len = events.getInt();
            String name = "";
            if (len > 0) {
                byte[] raw = new byte[len];
                events.get(raw);
                int end = 0;
                while (end < len && raw[end] != 0) {
                    end++;
                }
                name = new String(raw, 0, end, StandardCharsets.UTF_8);
            }
            Dir dir;
            synchronized (this) {
                dir = (mask & InotifyApi.IN_IGNORED) != 0 ? dirs.remove(wd) : dirs.get(wd);
            }
            if ((mask & InotifyApi.IN_Q_OVERFLOW) != 0) {
                changed = changed == null ? Path.of("/") : changed; // events were lost: assume a change
                continue;
            }
            if (dir == null || (mask & InotifyApi.IN_IGNORED) != 0) {
                continue;
            }
            if (dir.onlyNames() != null && !dir.onlyNames().contains(name)) {
                continue;
            }
            Path path = name.isEmpty() ? dir.path() : dir.path().resolve(name);
            if (!name.isEmpty() && ignore.ignored(path)) {
                continue;
            }
            boolean newDir = (mask & InotifyApi.IN_ISDIR) != 0
                    && (mask & (InotifyApi.IN_CREATE | InotifyApi.IN_MOVED_TO)) != 0;
            if (newDir && dir.onlyNames() == null) {
                try {
                    addTree(path);
                } catch (InotifyException e) {
                    listener.failed(e.getMessage());
                    return;
                }
            }
            if ((mask & InotifyApi.IN_ISDIR) != 0 && (mask & (InotifyApi.IN_MODIFY | InotifyApi.IN_ATTRIB)) != 0) {
                continue; // a folder's own timestamps change with every entry: its entries' events say it
            }
            changed = path;
        }
        if (changed != null) {
            listener.changed(changed);
        }
    }

    @Override
    public void close() {
        closed = true;
        api.wake(fd);
    }
}
