package jsup.cli.fast;

/** Canned jsupd answers that {@link FastCommands#rehearse(jsup.cli.CliContext)} renders to warm the class-data-sharing archive. */
final class Rehearsal {

    static final String LIST_RESPONSE = "{\"v\":1,\"id\":\"1\",\"ok\":true,\"result\":{\"apps\":[{\"id\":0,"
            + "\"name\":\"web\",\"namespace\":\"default\",\"status\":\"online\",\"want\":\"up\",\"pid\":4242,"
            + "\"started_at\":\"2026-01-01T00:00:00Z\",\"uptime_ms\":61000,\"restarts\":1,\"last_exit\":null,"
            + "\"cpu\":12.5,\"memory\":73400320,\"health\":\"ok\",\"inotify_warning\":false,"
            + "\"restart_history\":[],\"transitions\":[{\"at\":\"2026-01-01T00:00:00Z\",\"from\":\"stopped\","
            + "\"to\":\"online\",\"reason\":\"start requested\"}]},{\"id\":1,\"name\":\"worker\",\"status\":\"stopped\","
            + "\"pid\":0,\"uptime_ms\":0,\"restarts\":0,\"cpu\":0.0,\"memory\":0,\"health\":\"none\","
            + "\"big\":12345678901234567890,\"started\":12345678901}]}}";

    static final String PING_RESPONSE = "{\"v\":1,\"id\":\"1\",\"ok\":true,\"result\":{\"pong\":true,\"pid\":4242,"
            + "\"version\":\"0.0.0\",\"protocol\":1,\"home\":\"/tmp/jsup\",\"uptime_ms\":5000,\"apps\":2}}";

    private Rehearsal() {
    }
}
