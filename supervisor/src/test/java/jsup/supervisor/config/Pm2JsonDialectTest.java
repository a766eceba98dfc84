package jsup.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** PM2 evaluates a {@code .json} ecosystem file as a JavaScript object literal; jsup reads what real files rely on. */
class Pm2JsonDialectTest extends LoaderTestSupport {

    @Test
    void javascriptObjectLiteralSyntaxIsRead() throws ConfigException {
        Ecosystem eco = load("ecosystem.json", """
                // PM2 reads this file as JavaScript
                {
                  apps: [{
                    name: 'web',            /* single quotes */
                    script: './ticker.sh',
                    env: {GREETING: 'it\\'s "quoted"', PORT: +3000,},
                    kill_timeout: 3000.,
                  },],
                }
                """);

        AppSpec web = eco.apps().get(0);
        assertThat(web.name()).isEqualTo("web");
        assertThat(web.env()).containsEntry("GREETING", "it's \"quoted\"").containsEntry("PORT", "3000");
        assertThat(web.killTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(eco.warnings()).isEmpty();
    }

    @Test
    void json5FilesAreReadAsTheSameDialect() throws ConfigException {
        assertThat(load("ecosystem.json5", "{apps: [{script: './ticker.sh'}]}").apps())
                .extracting(AppSpec::name).containsExactly("ticker");
    }

    @Test
    void theLegacyPm2KeyHoldsTheApps() throws ConfigException {
        Ecosystem legacy = load("legacy.json", "{\"pm2\": [{\"script\": \"./ticker.sh\"}, {\"script\": \"./server\"}]}");
        Ecosystem both = load("both.json", "{\"apps\": [{\"script\": \"./ticker.sh\"}], \"pm2\": [{\"script\": \"./server\"}]}");

        assertThat(legacy.apps()).extracting(AppSpec::name).containsExactly("ticker", "server");
        assertThat(legacy.warnings()).isEmpty();
        assertThat(both.apps()).extracting(AppSpec::name).containsExactly("ticker");
        assertThat(both.warnings()).containsExactly("pm2: ignored because apps is given (PM2 reads apps first)");
        assertThat(problems("{\"pm2\": [{\"script\": 1}]}")).extracting(ConfigProblem::path)
                .containsExactly("pm2[0].script");
    }

    @Test
    void numbersGivenAsStringsAreReadAsPm2ReadsThem() throws ConfigException {
        Ecosystem eco = load("ecosystem.json", """
                {"apps": [{"script": "./ticker.sh", "max_restarts": "50", "min_uptime": "100", "instances": "1",
                           "kill_timeout": "5000", "restart_delay": " 250 ", "max_memory_restart": "1048576",
                           "stop_exit_codes": ["0", 2], "log_retain": "3"}]}
                """);

        AppSpec app = eco.apps().get(0);
        assertThat(app.maxRestarts()).isEqualTo(50);
        assertThat(app.minUptime()).isEqualTo(Duration.ofMillis(100));
        assertThat(app.killTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(app.restartDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(app.maxMemoryRestart()).isEqualTo(1L << 20);
        assertThat(app.stopExitCodes()).containsExactlyInAnyOrder(0, 2);
        assertThat(app.logRetain()).isEqualTo(3);
        assertThat(eco.warnings()).isEmpty();
        assertThat(load("four.json", "{\"script\": \"./ticker.sh\", \"instances\": \"4\"}").apps()).hasSize(4);
    }

    @Test
    void stringsThatAreNoNumbersAreStillRefused() {
        assertThat(problems("{\"script\": \"./ticker.sh\", \"max_restarts\": \"50x\", \"log_retain\": \"0x10\"}"))
                .extracting(ConfigProblem::toString).containsExactly(
                        "max_restarts: \"50x\" is not a whole number; use one from 0 to 2147483647",
                        "log_retain: \"0x10\" is not a whole number; use one from 0 to 10000");
    }

    @Test
    void envObjectsAndArraysArePassedAsJsonText() throws ConfigException {
        Ecosystem eco = load("ecosystem.json", """
                {"apps": [{"script": "./ticker.sh",
                           "env": {"CONFIG": {"port": 8080, "hosts": ["a", "b"]}, "LIST": [1, "two"], "EMPTY": null},
                           "env_production": {"CONFIG": {"port": 80}}}]}
                """);
        AppSpec app = eco.apps().get(0);
        Ecosystem production = fx.loader().load(fx.project.resolve("ecosystem.json"), "production");

        assertThat(app.env()).containsEntry("CONFIG", "{\"port\":8080,\"hosts\":[\"a\",\"b\"]}")
                .containsEntry("LIST", "[1,\"two\"]").containsEntry("EMPTY", "null");
        assertThat(eco.warnings()).containsExactly("apps[0].env.EMPTY: is null, passed as the text \"null\" as PM2 "
                + "does; remove it to leave EMPTY unset");
        assertThat(production.apps().get(0).env()).containsEntry("CONFIG", "{\"port\":80}");
    }

    @Test
    void whatPm2RefusesStaysRefused() {
        // A missing script, a boolean as text, a file that is no object literal: PM2 refuses each too.
        assertThat(problems("{apps: [{name: 'x', autorestart: 'false'}]}")).extracting(ConfigProblem::path)
                .containsExactly("apps[0].script", "apps[0].autorestart");
        assertThat(problems("module.exports = {apps: []}")).singleElement().extracting(ConfigProblem::message)
                .asString().startsWith("JSON syntax error at line 1, column 1");
    }
}
