package jsup.gateway.logging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends uncaught exceptions through the (redacting) log instead of the JVM's default handler,
 * which prints straight to stderr and would bypass redaction.
 */
public final class UncaughtExceptionLogger implements Thread.UncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(UncaughtExceptionLogger.class);

    /** Installs this handler as the JVM-wide default. */
    public static void install() {
        Thread.setDefaultUncaughtExceptionHandler(new UncaughtExceptionLogger());
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.error("uncaught exception in thread {}", thread.getName(), error);
    }
}
