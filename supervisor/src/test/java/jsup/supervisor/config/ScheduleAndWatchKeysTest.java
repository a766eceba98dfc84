package jsup.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code cron_restart}, {@code watch}, {@code ignore_watch} and {@code watch_delay}: read, refused, round-tripped. */
class ScheduleAndWatchKeysTest extends LoaderTestSupport {

    @Test
    void readsPm2sKeysWithPm2sDefaults() throws Exception {
        ConfigFixture.mkdirs(fx.project.resolve("src"));
        Ecosystem eco = load("e.json", """
                {"apps": [
                  {"name": "a", "script": "./ticker.sh", "cron_restart": "0 3 * * *", "watch": true},
                  {"name": "b", "script": "./ticker.sh", "cron": "*/5 * * * * *", "watch": ["src", "app.js"],
                   "ignore_watch": ["*.log", "tmp/**"], "watch_delay": 500},
                  {"name": "c", "script": "./ticker.sh", "watch": false}
                ]}
                """);
        AppSpec a = eco.apps().get(0);
        assertThat(a.cronRestart()).isEqualTo("0 3 * * *");
        assertThat(a.watch().paths()).containsExactly(fx.project);
        assertThat(a.watch().ignore()).containsExactly(".*", "node_modules");
        assertThat(a.watch().delay()).isEqualTo(Duration.ZERO);
        AppSpec b = eco.apps().get(1);
        assertThat(b.cronRestart()).isEqualTo("*/5 * * * * *");
        assertThat(b.watch().paths()).containsExactly(fx.project.resolve("src"), fx.project.resolve("app.js"));
        assertThat(b.watch().ignore()).containsExactly("*.log", "tmp/**");
        assertThat(b.watch().delay()).isEqualTo(Duration.ofMillis(500));
        assertThat(eco.apps().get(2).watch()).isNull();
        assertThat(eco.apps().get(2).cronRestart()).isNull();
        assertThat(eco.warnings()).isEmpty();
    }

    @Test
    void badValuesAreRefusedWithTheirPathAndAFix() {
        assertThat(problems("""
                {"apps": [{"script": "./ticker.sh", "cron_restart": "0 3 * *", "watch": ["missing"],
                           "ignore_watch": [3], "watch_delay": "soon"}]}
                """)).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                "apps[0].cron_restart: \"0 3 * *\" has 4 fields; use 5 (minute hour day month weekday, "
                        + "e.g. \"0 3 * * *\") or 6 with seconds first (e.g. \"*/30 * * * * *\")",
                "apps[0].watch: \"missing\" does not exist (looked for " + fx.project.resolve("missing")
                        + "); create it or fix the path",
                "apps[0].ignore_watch: 3 is not a glob; use \"node_modules\", \"*.log\" or [\"logs/**\", \".git\"]",
                "apps[0].watch_delay: " + problemOf("soon"));
        assertThat(problems("""
                {"apps": [{"script": "./ticker.sh", "cron_restart": "0 25 * * *"}]}
                """)).extracting(ConfigProblem::toString).singleElement().asString()
                .startsWith("apps[0].cron_restart: \"0 25 * * *\" is not a cron expression:");
    }

    @Test
    void survivesTheDumpRoundTrip() throws Exception {
        ConfigFixture.mkdirs(fx.project.resolve("src"));
        assertSurvivesTheDumpRoundTrip("""
                {"apps": [{"name": "job", "script": "./ticker.sh", "autorestart": false, "cron_restart": "@daily",
                           "watch": "src", "ignore_watch": "*.tmp", "watch_delay": "2s"}]}
                """);
    }

    private String problemOf(String duration) {
        try {
            Durations.parse(duration);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
