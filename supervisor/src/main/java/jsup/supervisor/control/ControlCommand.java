package jsup.supervisor.control;

/** Every command jsupd answers, with its wire name. Arguments and results: docs/control-protocol.md. */
public enum ControlCommand {
    PING("ping"),
    LIST("list"),
    DESCRIBE("describe"),
    START("start"),
    STOP("stop"),
    RESTART("restart"),
    RELOAD("reload"),
    DELETE("delete"),
    FLUSH("flush"),
    SAVE("save"),
    RESURRECT("resurrect"),
    KILL("kill"),
    SIGNAL("signal"),
    RESET("reset"),
    LOGS_INFO("logs-info"),
    HEALTH("health"),
    ENV("env"),
    NOTIFY_TEST("notify-test"),
    WEB("web"),
    SCALE("scale");

    private final String wireName;

    ControlCommand(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The command named {@code cmd} on the wire. */
    public static ControlCommand fromWire(String cmd) throws ControlException {
        for (ControlCommand c : values()) {
            if (c.wireName.equals(cmd)) {
                return c;
            }
        }
        throw new ControlException(ErrorCode.UNKNOWN_COMMAND,
                "unknown command \"" + cmd + "\"; known commands: " + known());
    }

    private static String known() {
        StringBuilder sb = new StringBuilder();
        for (ControlCommand c : values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(c.wireName);
        }
        return sb.toString();
    }
}
