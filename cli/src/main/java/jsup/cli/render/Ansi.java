package jsup.cli.render;

/** ANSI colours, or none: one instance decides, so plain output never carries an escape code. */
public final class Ansi {

    public static final Ansi ON = new Ansi(true);
    public static final Ansi OFF = new Ansi(false);

    private final boolean on;

    private Ansi(boolean on) {
        this.on = on;
    }

    public static Ansi of(boolean on) {
        return on ? ON : OFF;
    }

    public boolean enabled() {
        return on;
    }

    public String green(String s) {
        return wrap("32", s);
    }

    public String red(String s) {
        return wrap("31", s);
    }

    public String yellow(String s) {
        return wrap("33", s);
    }

    public String grey(String s) {
        return wrap("90", s);
    }

    public String cyan(String s) {
        return wrap("36", s);
    }

    public String bold(String s) {
        return wrap("1", s);
    }

    private String wrap(String code, String s) {
        return on ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }

    /** The colour for a PM2 status word. */
    public String status(String status) {
        return switch (status) {
            case "online" -> green(status);
            case "errored" -> red(status);
            case "stopped" -> grey(status);
            default -> yellow(status);
        };
    }

    /** The colour for a health word ({@code ok}, {@code failing}, {@code pending}, {@code none}, …). */
    public String health(String health) {
        return switch (health) {
            case "ok", "inotify-ok" -> green(health);
            case "failing" -> red(health);
            case "pending", "inotify-warning" -> yellow(health);
            default -> grey(health);
        };
    }
}
