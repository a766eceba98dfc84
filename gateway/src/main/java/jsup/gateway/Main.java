package jsup.gateway;

import jsup.gateway.logging.UncaughtExceptionLogger;

/** Entry point of {@code jsup-gateway.jar}: {@code java -jar jsup-gateway.jar gateway run [--port N] [--config FILE]}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        UncaughtExceptionLogger.install();
        System.exit(GatewayCli.create().execute(args));
    }
}
