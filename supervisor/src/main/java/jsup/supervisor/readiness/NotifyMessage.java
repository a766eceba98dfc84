package jsup.supervisor.readiness;

/**
 * One datagram of systemd's notify protocol ({@code sd_notify(3)}): newline-separated {@code KEY=VALUE}
 * assignments. Keys jsup does not use are ignored, as systemd ignores unknown ones.
 *
 * @param ready            {@code READY=1}
 * @param reloading        {@code RELOADING=1}: not ready until the next {@code READY=1}
 * @param stopping         {@code STOPPING=1}: the app is shutting down on its own
 * @param status           {@code STATUS=…}, free text shown in list and describe; null when absent
 * @param mainPid          {@code MAINPID=…}, 0 when absent or not a number
 * @param watchdogPing     {@code WATCHDOG=1}
 * @param watchdogTrigger  {@code WATCHDOG=trigger}: the app asks to be treated as hung
 * @param watchdogUsec     {@code WATCHDOG_USEC=…}: a new watchdog interval, -1 when absent
 * @param extendTimeoutUsec {@code EXTEND_TIMEOUT_USEC=…}: more time to become ready, -1 when absent
 * @param barrier          {@code BARRIER=1}: the sender waits until jsupd closes the descriptor it sent
 */
public record NotifyMessage(boolean ready, boolean reloading, boolean stopping, String status, long mainPid,
                            boolean watchdogPing, boolean watchdogTrigger, long watchdogUsec,
                            long extendTimeoutUsec, boolean barrier) {

    public static NotifyMessage parse(String datagram) {
        boolean ready = false;
        boolean reloading = false;
        boolean stopping = false;
        String status = null;
        long mainPid = 0;
        boolean ping = false;
        boolean trigger = false;
        long watchdogUsec = -1;
        long extend = -1;
        boolean barrier = false;
        for (String line : datagram.split("\n")) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq);
            String value = line.substring(eq + 1);
            switch (key) {
                case "READY" -> ready = "1".equals(value);
                case "RELOADING" -> reloading = "1".equals(value);
                case "STOPPING" -> stopping = "1".equals(value);
                case "STATUS" -> status = value;
                case "MAINPID" -> mainPid = number(value, 0);
                case "WATCHDOG" -> {
                    ping = "1".equals(value);
                    trigger = "trigger".equals(value);
                }
                case "WATCHDOG_USEC" -> watchdogUsec = number(value, -1);
                case "EXTEND_TIMEOUT_USEC" -> extend = number(value, -1);
                case "BARRIER" -> barrier = "1".equals(value);
                default -> { }
            }
        }
        return new NotifyMessage(ready, reloading, stopping, status, mainPid, ping, trigger, watchdogUsec, extend,
                barrier);
    }

    private static long number(String text, long otherwise) {
        try {
            long n = Long.parseLong(text.strip());
            return n >= 0 ? n : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
