package jsup.cli.export;

import jsup.supervisor.config.AppSpec;

/**
 * How many copies of an app an export asks for: a systemd template unit ({@code name@.service}) above one, a
 * Deployment's {@code replicas}, Compose's {@code deploy.replicas}. The exporters take this as a function so
 * tests drive the several-copies paths.
 */
public final class AppInstances {

    private AppInstances() {
    }

    /** The app's instance count ({@code instances}; the live count after a {@code jsup scale} and save). */
    public static int count(AppSpec app) {
        return app.instances().count();
    }
}
