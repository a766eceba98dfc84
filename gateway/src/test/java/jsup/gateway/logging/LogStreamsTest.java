package jsup.gateway.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The gateway's logback.xml: problems go to stderr (for {@code jsup logs --err}), the rest to stdout. */
class LogStreamsTest {

    @Test
    void warnAndErrorGoToStderrAndInfoToStdoutOnly() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogStreamsTest.class.getResource("/logback.xml"));
            Logger log = context.getLogger("gateway");
            log.info("an info line");
            log.warn("a warn line");
            log.error("an error line");
        } finally {
            context.stop();
            System.setOut(realOut);
            System.setErr(realErr);
        }
        String stdout = out.toString(StandardCharsets.UTF_8);
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(stdout).contains("INFO  [").contains("an info line").doesNotContain("a warn line").doesNotContain("an error line");
        assertThat(stderr).contains("a warn line").contains("an error line").doesNotContain("an info line");
    }
}
