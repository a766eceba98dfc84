package jsup.gateway.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Every log line the gateway writes while open, formatted by the production encoder (the
 * {@code STDOUT} appender of {@code logback.xml}, with its redacting converters), exactly as
 * it would reach the log file.
 */
public final class CapturedLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Encoder<ILoggingEvent> encoder;
    private final Logger root;

    private CapturedLog() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) root.getAppender("STDOUT");
        if (console == null) {
            throw new IllegalStateException("logback.xml's STDOUT appender is missing: the test must run with the gateway's logback.xml");
        }
        encoder = console.getEncoder();
        setContext(context);
        setName("captured-" + System.nanoTime());
        start();
        root.addAppender(this);
    }

    public static CapturedLog open() {
        return new CapturedLog();
    }

    @Override
    protected void append(ILoggingEvent event) {
        String text = new String(encoder.encode(event), StandardCharsets.UTF_8);
        lines.addAll(Arrays.asList(text.split("\\R")));
    }

    public List<String> lines() {
        return new ArrayList<>(lines);
    }

    /** Lines containing every one of {@code parts}. */
    public List<String> linesWith(String... parts) {
        return lines.stream().filter(l -> Arrays.stream(parts).allMatch(l::contains)).toList();
    }

    public String text() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        root.detachAppender(this);
        stop();
    }
}
