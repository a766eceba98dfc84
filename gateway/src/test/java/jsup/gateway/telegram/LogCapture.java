package jsup.gateway.telegram;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures every event logged under a package at DEBUG and above, as Logback received it (before
 * any layout could mask anything), with the full text of attached exceptions.
 */
final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final Level previousLevel;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture(String loggerName) {
        this.logger = (Logger) LoggerFactory.getLogger(loggerName);
        this.previousLevel = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        appender.start();
        logger.addAppender(appender);
    }

    /** Each event as one string: level, message, then every throwable with causes and frames. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        synchronized (appender) { // AppenderBase.doAppend locks the appender
            for (ILoggingEvent event : new ArrayList<>(appender.list)) {
                StringBuilder line = new StringBuilder(event.getLevel() + " " + event.getFormattedMessage());
                for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                    line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
                    for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                        line.append(' ').append(frame.getSTEAsString());
                    }
                }
                lines.add(line.toString());
            }
        }
        return lines;
    }

    List<String> lines(Level level) {
        return lines().stream().filter(l -> l.startsWith(level.toString() + " ")).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
        appender.stop();
    }
}
