package jsup.supervisor.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SortedMap;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcInfo;
import jsup.supervisor.AppStatus;
import jsup.supervisor.Supervisor;
import jsup.supervisor.daemonlog.JsupdLog;
import jsup.supervisor.readiness.NotifyMessage;
import jsup.supervisor.readiness.NotifySocket;

/**
 * jsupd's one notify socket ({@code $JSUP_HOME/notify.sock}, given to every app as {@code NOTIFY_SOCKET}):
 * receives each datagram on a thread of its own, finds the app whose process sent it and hands the message
 * to the engine. One socket for all apps, as systemd has one: it is one descriptor and one thread for any
 * number of apps, the same {@code NOTIFY_SOCKET} goes with jsupd's other environment marks, and the
 * kernel's {@code SCM_CREDENTIALS} pid, which no sender can fake, says whose message it is.
 */
final class NotifyReceiver implements AutoCloseable {

    static final String FILE_NAME = "notify.sock";
    static final String ENV_VAR = "NOTIFY_SOCKET";
    /** How far up the parent chain a sender may be from the app's main process. */
    private static final int MAX_DEPTH = 64;

    private static final JsupdLog.Logger log = JsupdLog.logger(NotifyReceiver.class);

    private final NotifySocket socket;
    private final ProcFs procFs;
    private final String home;
    private volatile Supervisor supervisor;
    private Thread thread;

    private NotifyReceiver(NotifySocket socket, ProcFs procFs, Path home) {
        this.socket = socket;
        this.procFs = procFs;
        this.home = home.toString();
    }

    /** The socket bound in {@code home}, not yet receiving; null (logged) where none can be had. */
    static NotifyReceiver open(Path home, ProcFs procFs) {
        if (!NotifySocket.available()) {
            log.warn("no notify socket: {}", "datagram Unix sockets need JNA on 64-bit Linux; wait_ready and watchdog "
                    + "will time out");
            return null;
        }
        try {
            return new NotifyReceiver(NotifySocket.open(home.resolve(FILE_NAME)), procFs, home);
        } catch (IOException e) {
            log.warn("no notify socket: {}; wait_ready and watchdog will time out", e.getMessage());
            return null;
        }
    }

    Path path() {
        return socket.path();
    }

    /** Starts handing messages to {@code supervisor}. */
    void start(Supervisor target) {
        this.supervisor = target;
        thread = new Thread(this::receive, "jsupd-notify");
        thread.setDaemon(true);
        thread.start();
    }

    private void receive() {
        while (!socket.isClosed()) {
            Optional<NotifySocket.Datagram> received;
            try {
                received = socket.receive();
            } catch (IOException e) {
                log.error("notify socket: {}", e.getMessage());
                return;
            }
            received.ifPresent(d -> {
                try {
                    deliver(d);
                } catch (RuntimeException e) {
                    log.warn("notify message from pid {} dropped: {}", d.pid(), e.toString());
                } finally {
                    d.release(); // after the hand-off: systemd-notify's BARRIER=1 waits for this
                }
            });
        }
    }

    private void deliver(NotifySocket.Datagram d) {
        // /proc first, before the round trip to the engine: a sender that exits right after sending
        // (a one-shot helper without systemd-notify's BARRIER=1) is soon gone from it.
        Sender sender = sender(d.pid());
        Map<Integer, String> mains = new HashMap<>();
        for (AppStatus s : supervisor.list()) {
            if (s.pid() > 0) {
                mains.put((int) s.pid(), s.name());
            }
        }
        String app = sender.app(mains);
        if (app == null) {
            log.warn("notify message from pid {} ignored: not a process of an app of this jsupd (still running? "
                    + "a helper that exits at once should be systemd-notify, which waits)", d.pid());
            return;
        }
        try {
            supervisor.notify(app, NotifyMessage.parse(d.text()));
        } catch (NoSuchElementException deleted) {
            // deleted meanwhile
        }
    }

    /**
     * The sender and its ancestors up the parent chain, and the app its environment marks name (a
     * process that left the tree, e.g. a daemon that forked twice, still carries {@code JSUP_APP} with
     * this jsupd's {@code JSUP_HOME}).
     */
    Sender sender(int pid) {
        List<Integer> chain = new ArrayList<>();
        int at = pid;
        for (int depth = 0; depth < MAX_DEPTH && at > 1; depth++) {
            chain.add(at);
            Optional<ProcInfo> info = procFs.stat(at);
            if (info.isEmpty()) {
                break;
            }
            at = info.get().ppid();
        }
        String marked = null;
        Optional<SortedMap<String, String>> env = AppEnvironment.read(Path.of("/proc", Integer.toString(pid), "environ"));
        if (env.isPresent() && home.equals(env.get().get(JsupHome.ENV_VAR))) {
            marked = env.get().get(Supervisor.APP_ENV_VAR);
        }
        return new Sender(chain, marked);
    }

    /** A sender as /proc showed it: itself and its ancestors, nearest first, and its environment mark. */
    record Sender(List<Integer> chain, String marked) {

        /** The app whose main process is the sender or its nearest ancestor, else the marked one, or null. */
        String app(Map<Integer, String> mains) {
            for (int pid : chain) {
                String app = mains.get(pid);
                if (app != null) {
                    return app;
                }
            }
            return marked;
        }
    }

    @Override
    public void close() {
        socket.close();
        if (thread != null) {
            try {
                thread.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        socket.release();
    }
}
