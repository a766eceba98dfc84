package jsup.gateway.ops;

import java.nio.file.Path;
import java.util.Map;
import jsup.supervisor.control.ControlEnvironment;

/**
 * What jsupd tells the processes it runs through their environment: {@code JSUP_HOME} (whose
 * control socket to ask) and {@code JSUP_APP} (the name it knows this app by). Decides which
 * {@link SupervisorLink} the gateway uses.
 *
 * @param jsupHome the jsupd home to talk to, or null when the gateway does not run under jsupd
 * @param appName  the name jsupd knows the gateway by, {@value #DEFAULT_APP_NAME} when not told
 */
public record SupervisedEnvironment(Path jsupHome, String appName) {

    /** The example ecosystem's name for the gateway. */
    public static final String DEFAULT_APP_NAME = "moltbot-gateway";

    /**
     * Reads {@code env}; {@code jsupHomeOverride} (the hidden {@code --jsup-home} option) wins over
     * {@code $JSUP_HOME} when not null.
     */
    public static SupervisedEnvironment of(Map<String, String> env, Path jsupHomeOverride) {
        Path home = jsupHomeOverride;
        String fromEnv = env.get(ControlEnvironment.HOME_VAR);
        if (home == null && fromEnv != null && !fromEnv.isBlank()) {
            home = Path.of(fromEnv.strip());
        }
        String app = env.get(ControlEnvironment.APP_VAR);
        return new SupervisedEnvironment(home == null ? null : home.toAbsolutePath().normalize(),
                app == null || app.isBlank() ? DEFAULT_APP_NAME : app.strip());
    }

    /** Whether a jsupd home is known, so the ops commands go through its control socket. */
    public boolean supervised() {
        return jsupHome != null;
    }

    /** {@link ControlSupervisorLink} to that jsupd when a home is known, else {@link NoSupervisorLink}. */
    public SupervisorLink link() {
        return supervised()
                ? new ControlSupervisorLink(jsupHome)
                : new NoSupervisorLink("the gateway was not started by jsupd ($" + ControlEnvironment.HOME_VAR + " is not set)");
    }
}
