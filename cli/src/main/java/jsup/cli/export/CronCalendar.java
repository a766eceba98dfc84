package jsup.cli.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A {@code cron_restart} expression as systemd {@code OnCalendar=} lines (systemd.time(7)): fields map one to one
 * ({@code a-b} becomes {@code a..b}, {@code *}{@code /n} becomes {@code start/n}, names become numbers or
 * weekday names). When both day fields are restricted cron runs on a day matching either, while one calendar
 * line needs both, so that case gives two lines (a timer fires on any of its lines). What systemd cannot say
 * ({@code L}, {@code W}, {@code #}) is refused with the reason.
 */
public final class CronCalendar {

    private static final Map<String, String> NICKNAMES = Map.of(
            "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
            "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final String[] SYSTEMD_DAYS = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

    private CronCalendar() {
    }

    /**
     * The {@code OnCalendar=} values for {@code cron} (5 fields, or 6 with seconds first, or a nickname).
     *
     * @throws IllegalArgumentException saying which field systemd cannot express and why
     */
    public static List<String> onCalendar(String cron) {
        String text = cron.strip().replaceAll("\\s+", " ");
        String[] f = NICKNAMES.getOrDefault(text.toLowerCase(Locale.ROOT), text).toUpperCase(Locale.ROOT).split(" ");
        if (f.length != 5 && f.length != 6) {
            throw new IllegalArgumentException("has " + f.length + " fields; cron_restart has 5 or 6");
        }
        int o = f.length - 5;
        String second = o == 1 ? twoDigits(field(f[0], 0, 59, "second")) : "00";
        String time = twoDigits(field(f[o + 1], 0, 23, "hour")) + ":" + twoDigits(field(f[o], 0, 59, "minute"))
                + ":" + second;
        String dom = any(f[o + 2]) ? "*" : field(f[o + 2], 1, 31, "day of month");
        String month = field(months(f[o + 3]), 1, 12, "month");
        String dow = any(f[o + 4]) ? null : weekdays(f[o + 4]);
        List<String> lines = new ArrayList<>();
        if (dow == null || dom.equals("*")) {
            lines.add((dow == null ? "" : dow + " ") + "*-" + month + "-" + dom + " " + time);
        } else {
            // Classic cron: a day matching either field runs; systemd's line needs both, so one line each.
            lines.add("*-" + month + "-" + dom + " " + time);
            lines.add(dow + " *-" + month + "-* " + time);
        }
        return lines;
    }

    /** {@code 3} as {@code 03}, as systemd prints times. */
    private static String twoDigits(String field) {
        return field.replaceAll("(?<!\\d)(\\d)(?!\\d)", "0$1");
    }

    private static boolean any(String field) {
        return field.equals("*") || field.equals("?");
    }

    /** One numeric field: {@code *}, lists, {@code a-b} and steps, in systemd's spelling. */
    private static String field(String field, int min, int max, String what) {
        if (any(field)) {
            return "*";
        }
        List<String> parts = new ArrayList<>();
        for (String part : field.split(",")) {
            if (!part.matches("(\\*|\\d+(-\\d+)?)(/\\d+)?")) {
                throw new IllegalArgumentException("the " + what + " field " + quote(field)
                        + " uses cron syntax systemd's OnCalendar= has no equivalent for");
            }
            String[] stepSplit = part.split("/");
            String range = stepSplit[0].equals("*") ? String.valueOf(min) : stepSplit[0].replace("-", "..");
            if (stepSplit[0].equals("*") && stepSplit.length == 1) {
                return "*";
            }
            parts.add(range + (stepSplit.length == 2 ? "/" + stepSplit[1] : ""));
        }
        return String.join(",", parts);
    }

    private static String months(String field) {
        String out = field;
        for (int i = 0; i < MONTHS.size(); i++) {
            out = out.replace(MONTHS.get(i), String.valueOf(i + 1));
        }
        return out;
    }

    /** The weekday field as a list of systemd names ({@code Mon,Wed}); 0 and 7 are Sunday. */
    private static String weekdays(String field) {
        String numeric = field;
        for (int i = 0; i < DAYS.size(); i++) {
            numeric = numeric.replace(DAYS.get(i), String.valueOf(i));
        }
        TreeSet<Integer> days = new TreeSet<>();
        for (String part : numeric.split(",")) {
            if (!part.matches("(\\*|\\d+(-\\d+)?)(/\\d+)?")) {
                throw new IllegalArgumentException("the weekday field " + quote(field)
                        + " uses cron syntax systemd's OnCalendar= has no equivalent for");
            }
            String[] stepSplit = part.split("/");
            int step = stepSplit.length == 2 ? Integer.parseInt(stepSplit[1]) : 1;
            int from;
            int to;
            if (stepSplit[0].equals("*")) {
                from = 0;
                to = 6;
            } else if (stepSplit[0].contains("-")) {
                from = Integer.parseInt(stepSplit[0].substring(0, stepSplit[0].indexOf('-')));
                to = Integer.parseInt(stepSplit[0].substring(stepSplit[0].indexOf('-') + 1));
            } else {
                from = Integer.parseInt(stepSplit[0]);
                to = stepSplit.length == 2 ? 6 : from;
            }
            if (from > 7 || to > 7 || from > to || step < 1) {
                throw new IllegalArgumentException("the weekday field " + quote(field) + " is out of range 0-7");
            }
            for (int d = from; d <= to; d += step) {
                days.add(d % 7);
            }
        }
        List<String> names = new ArrayList<>();
        // Monday first, as systemd prints them.
        for (int d : List.of(1, 2, 3, 4, 5, 6, 0)) {
            if (days.contains(d)) {
                names.add(SYSTEMD_DAYS[d]);
            }
        }
        return String.join(",", names);
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }
}
