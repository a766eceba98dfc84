package jsup.supervisor.config;

import jsup.supervisor.schedule.CronSchedule;

/** Reads {@code cron_restart} (PM2's alias {@code cron}): a 5- or 6-field cron expression, checked here. */
final class ScheduleReader {

    private ScheduleReader() {
    }

    /** The expression as written, or {@code null} when absent or bad (the problem is recorded). */
    static String read(Fields f) {
        String key = f.aliasOf("cron_restart", "cron");
        String text = f.nonEmptyText(key);
        if (text == null) {
            return null;
        }
        String why = CronSchedule.problem(text).orElse(null);
        if (why != null) {
            f.error(key, Values.quote(text) + " " + why);
            return null;
        }
        return text.strip();
    }
}
