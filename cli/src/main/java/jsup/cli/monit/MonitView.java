package jsup.cli.monit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the person sees and has chosen, apart from how it is drawn: the apps, which one is selected
 * (by name, so it stays put when the list changes), the filter, the mode, and a status message.
 * {@link #onKey} is the whole key map; it changes this view and returns what jsupd should do, if
 * anything. No terminal, no clock: a test drives it with keys.
 */
public final class MonitView {

    /** The screen being shown. */
    public enum Mode {
        /** The app table with the selected app's details. */
        TABLE,
        /** Typing a filter after {@code /}. */
        FILTER,
        /** The selected app's logs, full screen. */
        LOGS
    }

    private List<AppRow> apps = List.of();
    private String selected;
    private String filter = "";
    private Mode mode = Mode.TABLE;
    private String message = "";

    /** Takes a fresh list; the selection stays on its app, or moves to the first shown one. */
    public void update(List<AppRow> fresh) {
        apps = List.copyOf(fresh);
        keepSelectionVisible();
    }

    /** The apps the filter lets through, in jsupd's (id) order. */
    public List<AppRow> shown() {
        if (filter.isEmpty()) {
            return apps;
        }
        String f = filter.toLowerCase(Locale.ROOT);
        List<AppRow> out = new ArrayList<>();
        for (AppRow a : apps) {
            if (a.name().toLowerCase(Locale.ROOT).contains(f) || a.namespace().toLowerCase(Locale.ROOT).contains(f)) {
                out.add(a);
            }
        }
        return out;
    }

    /** The selected app, if one is shown. */
    public Optional<AppRow> selected() {
        return shown().stream().filter(a -> a.name().equals(selected)).findFirst();
    }

    /** The selected app's index in {@link #shown()}, or -1. */
    public int selectedIndex() {
        List<AppRow> shown = shown();
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).name().equals(selected)) {
                return i;
            }
        }
        return -1;
    }

    public String filter() {
        return filter;
    }

    public Mode mode() {
        return mode;
    }

    public String message() {
        return message;
    }

    public void message(String text) {
        message = text == null ? "" : text;
    }

    /**
     * Applies one key: ↑/↓ (or k/j) select, {@code r} restart, {@code s} stop or start, {@code l} logs,
     * {@code /} filter, {@code q} or Ctrl-C quit; in the filter, typing edits it, Enter keeps it and Esc
     * clears it; in the logs, {@code l} or Esc goes back.
     *
     * @return the action for jsupd (or {@link MonitAction.Kind#QUIT}), or empty when the key only
     *         changed the view
     */
    public Optional<MonitAction> onKey(Key key) {
        if (key.kind() == Key.Kind.INTERRUPT) {
            return Optional.of(new MonitAction(MonitAction.Kind.QUIT, null));
        }
        return switch (mode) {
            case FILTER -> filterKey(key);
            case LOGS -> logsKey(key);
            case TABLE -> tableKey(key);
        };
    }

    private Optional<MonitAction> tableKey(Key key) {
        switch (key.kind()) {
            case UP -> move(-1);
            case DOWN -> move(1);
            case ESCAPE -> {
                filter = "";
                keepSelectionVisible();
            }
            case CHAR -> {
                switch (key.ch()) {
                    case 'k' -> move(-1);
                    case 'j' -> move(1);
                    case 'q' -> {
                        return Optional.of(new MonitAction(MonitAction.Kind.QUIT, null));
                    }
                    case '/' -> {
                        mode = Mode.FILTER;
                        message = "";
                    }
                    case 'l' -> {
                        if (selected().isPresent()) {
                            mode = Mode.LOGS;
                        }
                    }
                    case 'r' -> {
                        return selected().map(a -> new MonitAction(MonitAction.Kind.RESTART, a.name()));
                    }
                    case 's' -> {
                        return selected().map(a -> new MonitAction(
                                a.running() ? MonitAction.Kind.STOP : MonitAction.Kind.START, a.name()));
                    }
                    default -> {
                        // not a key of monit's
                    }
                }
            }
            default -> {
                // Enter, Backspace: nothing in the table
            }
        }
        return Optional.empty();
    }

    private Optional<MonitAction> filterKey(Key key) {
        switch (key.kind()) {
            case ENTER, UP, DOWN -> mode = Mode.TABLE;
            case ESCAPE -> {
                filter = "";
                mode = Mode.TABLE;
            }
            case BACKSPACE -> {
                if (!filter.isEmpty()) {
                    filter = filter.substring(0, filter.length() - 1);
                }
            }
            case CHAR -> {
                if (!Character.isISOControl(key.ch())) {
                    filter += key.ch();
                }
            }
            default -> {
                // Ctrl-C is handled before the modes
            }
        }
        keepSelectionVisible();
        return Optional.empty();
    }

    private Optional<MonitAction> logsKey(Key key) {
        if (key.kind() == Key.Kind.ESCAPE || (key.kind() == Key.Kind.CHAR && key.ch() == 'l')) {
            mode = Mode.TABLE;
        } else if (key.kind() == Key.Kind.CHAR && key.ch() == 'q') {
            return Optional.of(new MonitAction(MonitAction.Kind.QUIT, null));
        } else if (key.kind() == Key.Kind.UP || key.kind() == Key.Kind.DOWN) {
            move(key.kind() == Key.Kind.UP ? -1 : 1); // next app's logs
        }
        return Optional.empty();
    }

    private void move(int by) {
        List<AppRow> shown = shown();
        if (shown.isEmpty()) {
            return;
        }
        int i = Math.max(0, selectedIndex());
        int next = Math.max(0, Math.min(shown.size() - 1, i + by));
        selected = shown.get(next).name();
    }

    private void keepSelectionVisible() {
        List<AppRow> shown = shown();
        if (selectedIndex() < 0) {
            selected = shown.isEmpty() ? selected : shown.get(0).name();
        }
        if (mode == Mode.LOGS && shown.isEmpty()) {
            mode = Mode.TABLE;
        }
    }
}
