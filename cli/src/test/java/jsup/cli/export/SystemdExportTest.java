package jsup.cli.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jsup.cli.startup.SystemdUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemdExportTest {

    @TempDir
    Path tmp;

    private static Map<String, String> byName(Export export) {
        return export.files().stream().collect(Collectors.toMap(ExportedFile::name, ExportedFile::content));
    }

    @Test
    void everyGeneratedUnitPassesSystemdAnalyzeVerifyWithoutAWarning() throws Exception {
        assumeThat(ExternalTool.onPath("systemd-analyze")).as("systemd-analyze (Debian: systemd)").isTrue();
        ExportFixture fx = new ExportFixture(tmp);
        Path out = tmp.resolve("units");
        Export export = new SystemdExport(fx.settings(false, a -> a.name().equals("web") ? 3 : 1), false, out, null)
                .export(fx.eco.apps());
        ExportFixture.write(export, out);

        ExternalTool.Run verify = ExternalTool.verifyUnits(out);

        assertThat(verify.output()).as("systemd-analyze verify").isEmpty();
        assertThat(verify.exitCode()).isZero();
        // The executable with a quote, % and $ in its path ran through env (systemd refuses it as ExecStart's
        // first word), and verify found it: the quoting round-trips.
        assertThat(byName(export).get("web@.service")).contains("ExecStart=/usr/bin/env \"" + fx.dir
                .resolve("bin dir").toString().replace("%", "%%") + "/it's 100%% $$HOME.sh\"");
    }

    @Test
    void commandLineEscapesSpecifiersVariablesQuotesAndALoneSemicolon() {
        assertThat(SystemdSyntax.commandLine(List.of("/opt/my app/run", "a b", "100%", "$HOME", "say \"hi\"",
                "tab\tx", ";", "")))
                .isEqualTo("\"/opt/my app/run\" \"a b\" 100%% $$HOME \"say \\\"hi\\\"\" \"tab\\tx\" \";\" \"\"");
        // The executable is not expanded: its $ stays single.
        assertThat(SystemdSyntax.commandLine(List.of("/opt/$x/run"))).isEqualTo("/opt/$x/run");
        assertThat(SystemdSyntax.commandLine(List.of("/opt/it's/run", "$y")))
                .isEqualTo("/usr/bin/env \"/opt/it's/run\" $$y");
        assertThat(SystemdSyntax.environment("A", "b \"c\" 5%")).isEqualTo("\"A=b \\\"c\\\" 5%%\"");
        assertThat(SystemdSyntax.unitName("my app.v2")).isEqualTo("my\\x20app.v2");
        assertThat(SystemdSyntax.unitName("a@b/c")).isEqualTo("a\\x40b\\x2fc");
    }

    @Test
    void appUnitCarriesRestartStopMemoryDependencyAndPrestartKeys() throws Exception {
        ExportFixture fx = new ExportFixture(tmp);
        Export export = new SystemdExport(fx.settings(false, AppInstances::count), false, tmp.resolve("out"), "alice")
                .export(fx.eco.apps());
        Map<String, String> files = byName(export);
        String web = files.get("web.service");

        assertThat(web).contains("\nUser=alice\n", "\nRequires=db.service migrate.service\n",
                "\nAfter=network.target db.service migrate.service\n", "\nRestart=always\n",
                "\nRestartPreventExitStatus=78\n", "\nRestartSec=2s\n", "\nStartLimitBurst=5\n",
                "\nStartLimitIntervalSec=35\n", "\nKillMode=control-group\n", "\nKillSignal=SIGINT\n",
                "\nTimeoutStopSec=2500ms\n", "\nMemoryMax=314572800\n", "\nMemoryHigh=283115520\n",
                "\nEnvironment=\"PLAIN=a b $x %%y \\\"q\\\"\"\n",
                "\nEnvironmentFile=" + tmp.resolve("out").resolve("web.env").toString().replace("%", "%%") + "\n",
                "\nExecStartPre=" + fx.jsup + " prestart web \"" + fx.file.toString().replace("%", "%%") + "\"\n",
                "\nWantedBy=" + SystemdExport.targetName(fx.file) + "\n");
        assertThat(web).doesNotContain("s3cret", "pw0rd");
        assertThat(files.get("web.env")).contains("API_TOKEN=REPLACE_ME", "DATABASE_URL=REPLACE_ME");
        assertThat(export.files().stream().filter(ExportedFile::secret).map(ExportedFile::name)).containsExactly("web.env");
        assertThat(files.get("db.service")).contains("\nType=notify\n", "\nWatchdogSec=30s\n",
                "\nTimeoutStartSec=20s\n", "\nRestartSec=100ms\n",
                "\nStandardOutput=append:" + fx.dir.resolve("logs/db.out").toString().replace("%", "%%") + "\n",
                "\nWants=db-cron.timer db-probe.timer\n");
        assertThat(files.get("db-cron.timer")).contains("\nOnCalendar=Mon,Tue,Wed,Thu,Fri *-*-* 03:00:00\n",
                "\nUnit=db-restart.service\n");
        assertThat(files.get("db-probe.service")).contains("\nOnFailure=db-restart.service\n",
                "ExecStart=" + fx.jsup + " probe db ");
        assertThat(files.get("db-restart.service")).contains("ExecStart=/usr/bin/systemctl restart db.service");
        // autostart false: a unit, but not wanted by the target; a log-only probe restarts nothing.
        assertThat(files.get(SystemdExport.targetName(fx.file)))
                .contains("\nWants=db.service migrate.service web.service\n");
        assertThat(files.get("my\\x20app.v2-probe.service")).doesNotContain("OnFailure=");
        assertThat(files).doesNotContainKey("my\\x20app.v2-restart.service");

        assertThat(export.report().of("web", "max_memory_restart")).singleElement()
                .extracting(MappingReport.Entry::outcome).isEqualTo(MappingReport.Outcome.APPROXIMATED);
        assertThat(export.report().of("web", "depends_on.db")).singleElement()
                .extracting(MappingReport.Entry::outcome).isEqualTo(MappingReport.Outcome.MAPPED);
        assertThat(export.report().of("db", "health")).singleElement()
                .extracting(MappingReport.Entry::outcome).isEqualTo(MappingReport.Outcome.APPROXIMATED);
        assertThat(export.report().of("db", "cron_restart")).singleElement()
                .extracting(MappingReport.Entry::outcome).isEqualTo(MappingReport.Outcome.MAPPED);
    }

    @Test
    void secretValuesGoToTheEnvFileInSystemdsDoubleQuotedForm() throws Exception {
        ExportFixture fx = new ExportFixture(tmp);
        Export export = new SystemdExport(fx.settings(true, AppInstances::count), false, tmp, null)
                .export(List.of(fx.app("web")));

        assertThat(byName(export).get("web.env")).contains("\nAPI_TOKEN=\"s3cret \\$1\"\n");
        assertThat(SystemdExport.envFileValue("plain")).isEqualTo("plain");
        assertThat(SystemdExport.envFileValue("it's \"a\" `b` \\c")).isEqualTo("\"it's \\\"a\\\" \\`b\\` \\\\c\"");
    }

    @Test
    void severalInstancesMakeATemplateUnitWantedOncePerInstance() throws Exception {
        ExportFixture fx = new ExportFixture(tmp);
        Export export = new SystemdExport(fx.settings(false, a -> a.name().equals("db") ? 2 : 1), true,
                tmp.resolve("out"), "alice").export(fx.eco.apps());
        Map<String, String> files = byName(export);

        assertThat(files).containsKey("db@.service").doesNotContainKey("db.service");
        assertThat(files.get("db@.service")).contains("Description=jsup app db (instance %i)")
                .doesNotContain("User=");
        assertThat(files.get(SystemdExport.targetName(fx.file)))
                .contains("\nWants=db@0.service db@1.service migrate.service web.service\n",
                        "\nWantedBy=default.target\n");
        assertThat(files.get("web.service")).contains("\nRequires=db@0.service db@1.service migrate.service\n");
        assertThat(files.get("db-restart.service")).contains("restart db@*.service")
                .contains("/usr/bin/systemctl --user ");
        assertThat(export.report().of("db", "instances")).singleElement()
                .extracting(MappingReport.Entry::to).asString().contains("db@.service");
    }

    @Test
    void aCronExpressionSystemdCannotSayIsReportedNotMapped() throws Exception {
        ExportFixture fx = new ExportFixture(tmp);
        Path file = fx.dir.resolve("last-day.json");
        Files.writeString(file, "{\"apps\":[{\"name\":\"x\",\"script\":\"/bin/true\",\"cron_restart\":\"0 0 L * *\"}]}");
        var eco = new jsup.supervisor.config.EcosystemLoader(fx.home, System.getenv()).load(file, null);
        Export export = new SystemdExport(fx.settings(false, AppInstances::count), false, tmp, null)
                .export(eco.apps());

        assertThat(byName(export)).doesNotContainKey("x-cron.timer").doesNotContainKey("x-restart.service");
        assertThat(export.report().of("x", "cron_restart")).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(MappingReport.Outcome.NOT_MAPPED);
            assertThat(e.why()).contains("day of month", "\"L\"");
        });
    }

    /** jsup startup's unit quoted WorkingDirectory=, which systemd takes verbatim ("path is not absolute"). */
    @Test
    void startupUnitWithBlanksInItsPathsPassesVerify() throws Exception {
        assumeThat(ExternalTool.onPath("systemd-analyze")).as("systemd-analyze (Debian: systemd)").isTrue();
        Path dir = tmp.resolve("home of $me 100%");
        Files.createDirectories(dir);
        Path jsup = dir.resolve("jsup");
        Files.writeString(jsup, "#!/bin/sh\n");
        jsup.toFile().setExecutable(true);
        String unit = new SystemdUnit(null, dir, Map.of("JSUP_HOME", dir.resolve(".jsup").toString()),
                List.of(jsup.toString(), "daemon"), Duration.ofSeconds(5), false).render();
        Path units = tmp.resolve("units");
        Files.createDirectories(units);
        Files.writeString(units.resolve("jsup.service"), unit);

        ExternalTool.Run verify = ExternalTool.verifyUnits(units);

        assertThat(verify.output()).as(unit).isEmpty();
        assertThat(verify.exitCode()).isZero();
    }
}
