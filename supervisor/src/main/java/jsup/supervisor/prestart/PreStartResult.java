package jsup.supervisor.prestart;

/**
 * What the pre-start steps of one start came to.
 *
 * @param ok     true when every step passed and the app may be launched
 * @param reason when not ok, which step failed and why, with its stderr tail; {@code null} when ok
 */
public record PreStartResult(boolean ok, String reason) {

    private static final PreStartResult OK = new PreStartResult(true, null);

    public static PreStartResult passed() {
        return OK;
    }

    public static PreStartResult failed(String reason) {
        return new PreStartResult(false, reason);
    }
}
