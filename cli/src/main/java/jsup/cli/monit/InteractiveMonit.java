package jsup.cli.monit;

import java.io.IOException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jsup.cli.ExitException;
import jsup.cli.render.Ansi;

/**
 * The full-screen monit: polls every {@code interval}, draws a frame after each poll, key or resize,
 * and runs restart/stop/start on a worker thread so the screen stays live while an app comes up.
 * Only this thread touches the view and the terminal.
 */
public final class InteractiveMonit {

    /** How often the loop wakes between polls: keys, resizes and finished actions show this fast. */
    private static final long WAKE_MILLIS = 100;

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final MonitFeed feed;
    private final long intervalMillis;
    private final String home;
    private final MonitView view = new MonitView();
    private final MonitScreen screen = new MonitScreen(Ansi.ON, ZoneId.systemDefault());
    private final ConcurrentLinkedQueue<String> finished = new ConcurrentLinkedQueue<>();

    InteractiveMonit(MonitFeed feed, long intervalMillis, String home) {
        this.feed = feed;
        this.intervalMillis = intervalMillis;
        this.home = home;
    }

    /** Runs until {@code q} (or Ctrl-C); the terminal is restored whatever happens. */
    void run() throws IOException {
        ExecutorService actions = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "jsup-monit-action");
            t.setDaemon(true);
            return t;
        });
        try (MonitTerminal terminal = MonitTerminal.open()) {
            long nextPoll = 0;
            boolean dirty = true;
            while (true) {
                long now = System.nanoTime() / 1_000_000;
                if (now >= nextPoll) {
                    poll();
                    nextPoll = now + intervalMillis;
                    dirty = true;
                }
                String done;
                while ((done = finished.poll()) != null) {
                    view.message(done);
                    nextPoll = 0; // show the action's effect now
                    dirty = true;
                }
                boolean clear = terminal.takeResized();
                if (dirty || clear) {
                    draw(terminal, clear);
                    dirty = false;
                }
                Key key = terminal.readKey(Math.max(1, Math.min(WAKE_MILLIS, nextPoll - now)));
                if (key == null) {
                    continue;
                }
                dirty = true;
                Optional<MonitAction> action = view.onKey(key);
                if (action.isPresent()) {
                    MonitAction a = action.get();
                    if (a.kind() == MonitAction.Kind.QUIT) {
                        return;
                    }
                    view.message(a.progress());
                    actions.submit(() -> finished.add(feed.source().act(a)));
                }
            }
        } finally {
            actions.shutdownNow();
        }
    }

    private void poll() {
        try {
            view.update(feed.tick());
            if (view.message().startsWith("jsup: ")) {
                view.message(""); // jsupd answers again
            }
        } catch (ExitException e) {
            view.message(MonitSource.firstLine(e.getMessage()));
        }
    }

    private void draw(MonitTerminal terminal, boolean clear) {
        int height = terminal.height();
        AppLogTail logs = view.selected().map(a -> AppLogTail.read(a, height)).orElse(AppLogTail.NONE);
        String title = "jsup monit · " + home + " · " + CLOCK.format(LocalTime.now());
        List<String> lines = screen.render(view,
                new MonitScreen.Inputs(title, feed.host(), feed.rings(), logs), terminal.width(), height);
        terminal.draw(lines, clear);
    }
}
