package jsup.cli.monit;

/** What a key asks of jsupd (or of monit itself): the control command and the app it targets. */
public record MonitAction(Kind kind, String app) {

    /** The actions; {@link #QUIT} has no app. */
    public enum Kind {
        RESTART("restart"), STOP("stop"), START("start"), QUIT(null);

        private final String command;

        Kind(String command) {
            this.command = command;
        }

        /** The control protocol's command name. */
        public String command() {
            return command;
        }
    }

    /** What to show while it runs: {@code restarting web…}. */
    public String progress() {
        return switch (kind) {
            case RESTART -> "restarting " + app + "…";
            case STOP -> "stopping " + app + "…";
            case START -> "starting " + app + "…";
            case QUIT -> "";
        };
    }
}
