package jsup.supervisor.daemon;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points Logback at {@code jsupd.log}: size rotation at 10 MB, 5 old files ({@code jsupd.1.log} ...).
 * Configured in code because the file lives in {@code $JSUP_HOME}, known only at run time.
 */
final class DaemonLog {

    static final String MAX_SIZE = "10MB";
    static final int KEEP = 5;
    /** The logger of {@link EngineEvents}: it logs on the engine thread. */
    static final String ENGINE_LOGGER = "jsupd.apps";
    /** Lines the engine may queue before it waits for the writer: a 500-app start logs 1500. */
    static final int ENGINE_QUEUE = 4096;
    /** How long a stop waits for queued engine lines to reach the file. */
    static final int FLUSH_MILLIS = 5000;

    private DaemonLog() {
    }

    /** Sends every log event of this JVM to {@code file}, replacing any earlier configuration. */
    static void configure(Path file) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext)) {
            return; // another SLF4J binding is in charge; leave it be
        }
        LoggerContext ctx = (LoggerContext) factory;
        ctx.reset();

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(ctx);
        encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{0}: %msg%n");
        encoder.start();

        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(ctx);
        appender.setName("jsupd");
        appender.setFile(file.toString());

        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(ctx);
        rolling.setParent(appender);
        String name = file.getFileName().toString();
        String base = name.endsWith(".log") ? name.substring(0, name.length() - 4) : name;
        rolling.setFileNamePattern(file.resolveSibling(base + ".%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(KEEP);
        rolling.start();

        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(ctx);
        trigger.setMaxFileSize(FileSize.valueOf(MAX_SIZE));
        trigger.start();

        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.setEncoder(encoder);
        appender.start();

        ch.qos.logback.classic.Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);

        // The engine thread only queues its lines (time and thread taken there, so the file still
        // shows when each event happened); formatting and the write were about 0.7 ms between a
        // crash and the relaunch. One queue, one writer: lines keep their order. Nothing is dropped
        // (no discarding threshold, a full queue blocks), and stop() writes what is queued.
        AsyncAppender engineLines = new AsyncAppender();
        engineLines.setContext(ctx);
        engineLines.setName("jsupd-engine");
        engineLines.setQueueSize(ENGINE_QUEUE);
        engineLines.setDiscardingThreshold(0);
        engineLines.setNeverBlock(false);
        engineLines.setMaxFlushTime(FLUSH_MILLIS);
        engineLines.addAppender(appender);
        engineLines.start();
        ch.qos.logback.classic.Logger engine = ctx.getLogger(ENGINE_LOGGER);
        engine.setAdditive(false);
        engine.addAppender(engineLines);
    }

    /** Flushes and closes the log (before a halt, which skips Logback's own shutdown). */
    static void stop() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext) {
            ((LoggerContext) factory).stop();
        }
    }
}
