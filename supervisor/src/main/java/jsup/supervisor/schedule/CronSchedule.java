package jsup.supervisor.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code cron_restart} expression as PM2 reads it (PM2 hands it to the {@code croner} package): 5 fields
 * (minute hour day-of-month month day-of-week) or 6 with seconds first, names such as {@code MON} and
 * {@code JAN}, day-of-week 0-7 (0 and 7 are Sunday), and when both day fields are restricted a day matching
 * either one runs (classic cron). {@code @hourly}, {@code @daily}, {@code @weekly}, {@code @monthly} and
 * {@code @yearly} are accepted too. Times are in the given zone (jsupd's local time, as PM2).
 */
public final class CronSchedule {

    private static final CronParser FIVE = new CronParser(definition(false));
    private static final CronParser SIX = new CronParser(definition(true));
    private static final Map<String, String> NICKNAMES = Map.of(
            "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");

    private final String expression;
    /** One execution time, or two when both day fields are restricted (cron-utils would require both). */
    private final List<ExecutionTime> times;
    private final ZoneId zone;

    private CronSchedule(String expression, List<ExecutionTime> times, ZoneId zone) {
        this.expression = expression;
        this.times = times;
        this.zone = zone;
    }

    /**
     * Parses {@code expression}.
     *
     * @throws IllegalArgumentException naming what is wrong, e.g. the field count or a value out of range
     */
    public static CronSchedule parse(String expression, ZoneId zone) {
        String text = expression.strip().replaceAll("\\s+", " ");
        String expanded = NICKNAMES.getOrDefault(text.toLowerCase(Locale.ROOT), text);
        int fields = expanded.isEmpty() ? 0 : expanded.split(" ").length;
        if (fields != 5 && fields != 6) {
            throw new IllegalArgumentException("has " + fields + " field" + (fields == 1 ? "" : "s")
                    + "; use 5 (minute hour day month weekday, e.g. \"0 3 * * *\") or 6 with seconds first"
                    + " (e.g. \"*/30 * * * * *\")");
        }
        try {
            CronParser parser = fields == 6 ? SIX : FIVE;
            String[] f = expanded.toUpperCase(Locale.ROOT).split(" ");
            int dom = fields - 3;
            int dow = fields - 1;
            List<ExecutionTime> times = new ArrayList<>();
            if (restricted(f[dom]) && restricted(f[dow])) {
                // Classic cron (and croner): a day matching either field runs.
                times.add(executionTime(parser, f, dom, "?"));
                times.add(executionTime(parser, f, dow, "?"));
            } else {
                times.add(executionTime(parser, f, -1, null));
            }
            return new CronSchedule(text, times, zone);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a cron expression: " + firstLine(e.getMessage())
                    + "; use 5 fields (minute hour day month weekday) or 6 with seconds first");
        }
    }

    private static boolean restricted(String field) {
        return !field.equals("*") && !field.equals("?");
    }

    private static ExecutionTime executionTime(CronParser parser, String[] fields, int replace, String with) {
        String[] copy = fields.clone();
        if (replace >= 0) {
            copy[replace] = with;
        }
        Cron cron = parser.parse(String.join(" ", copy));
        cron.validate();
        return ExecutionTime.forCron(cron);
    }

    /** Whether {@code expression} parses; the reason when it does not. */
    public static Optional<String> problem(String expression) {
        try {
            parse(expression, ZoneId.systemDefault());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The expression as written (blanks collapsed). */
    public String expression() {
        return expression;
    }

    /** The first run strictly after {@code t}, or empty when the expression never matches again. */
    public Optional<Instant> nextAfter(Instant t) {
        ZonedDateTime after = ZonedDateTime.ofInstant(t, zone);
        return times.stream().map(x -> x.nextExecution(after)).flatMap(Optional::stream)
                .map(ZonedDateTime::toInstant).min(Instant::compareTo);
    }

    @Override
    public String toString() {
        return expression;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static CronDefinition definition(boolean seconds) {
        var builder = CronDefinitionBuilder.defineCron();
        if (seconds) {
            builder = builder.withSeconds().withValidRange(0, 59).and();
        }
        return builder
                .withMinutes().withValidRange(0, 59).and()
                .withHours().withValidRange(0, 23).and()
                .withDayOfMonth().withValidRange(1, 31).supportsL().supportsW().supportsQuestionMark().and()
                .withMonth().withValidRange(1, 12).and()
                .withDayOfWeek().withValidRange(0, 7).withMondayDoWValue(1).withIntMapping(7, 0)
                    .supportsHash().supportsL().supportsQuestionMark().and()
                .instance();
    }
}
