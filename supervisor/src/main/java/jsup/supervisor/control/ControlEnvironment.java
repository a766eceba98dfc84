package jsup.supervisor.control;

/**
 * The environment variables jsupd sets in every process it runs, named once here so the client side
 * (the CLI, the gateway) reads them without depending on the daemon or the engine.
 */
public final class ControlEnvironment {

    /** The jsupd home whose control socket to ask; also the home a CLI or jsupd picks when set. */
    public static final String HOME_VAR = "JSUP_HOME";
    /** The name jsupd knows the app by, set in the environment of each of its processes. */
    public static final String APP_VAR = "JSUP_APP";

    private ControlEnvironment() {
    }
}
