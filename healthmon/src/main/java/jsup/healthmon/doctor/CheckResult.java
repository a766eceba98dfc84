package jsup.healthmon.doctor;

/**
 * The outcome of one doctor check: a line with ✓ or ✗.
 *
 * @param name   what was checked, e.g. {@code java}, {@code inotify}, {@code port 18789}
 * @param ok     true when nothing needs doing
 * @param detail what was found, with the numbers
 * @param fix    what to do about it; empty when {@code ok}
 */
public record CheckResult(String name, boolean ok, String detail, String fix) {

    public static CheckResult pass(String name, String detail) {
        return new CheckResult(name, true, detail, "");
    }

    public static CheckResult fail(String name, String detail, String fix) {
        return new CheckResult(name, false, detail, fix);
    }
}
