package jsup.testsupport;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every test class's Awaitility polls every {@link #POLL_INTERVAL} instead of the default 100 ms (which
 * is also its default delay before the first check): most conditions wait on a child process or a
 * daemon that answers in a few ms, so the default added 100 ms or more to each of the suite's
 * thousands of waits. Not shorter: some conditions walk /proc, and on a loaded machine each poll
 * takes CPU from the processes being waited for. A test that sets its own interval or delay keeps it.
 * Registered for every module by the service file beside this class and surefire's
 * {@code junit.jupiter.extensions.autodetection.enabled} (the parent pom); cli, gateway and supervisor
 * get healthmon's test classes on their test classpath (the parent pom's surefire configuration).
 */
public final class AwaitilityDefaults implements BeforeAllCallback {

    static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    @Override
    public void beforeAll(ExtensionContext context) {
        Awaitility.setDefaultPollInterval(POLL_INTERVAL);
    }
}
