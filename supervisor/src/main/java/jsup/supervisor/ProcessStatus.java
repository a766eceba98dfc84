package jsup.supervisor;

/** The observed status of an app, in the words PM2 users know. */
public enum ProcessStatus {
    LAUNCHING("launching"),
    ONLINE("online"),
    STOPPING("stopping"),
    STOPPED("stopped"),
    WAITING_RESTART("waiting restart"),
    ERRORED("errored");

    private final String label;

    ProcessStatus(String label) {
        this.label = label;
    }

    /** The PM2 spelling shown in {@code jsup list} and JSON. */
    public String label() {
        return label;
    }

    /** Whether a child process may exist in this status. */
    public boolean hasProcess() {
        return this == LAUNCHING || this == ONLINE || this == STOPPING;
    }

    public static ProcessStatus fromLabel(String label) {
        for (ProcessStatus s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status: " + label);
    }
}
