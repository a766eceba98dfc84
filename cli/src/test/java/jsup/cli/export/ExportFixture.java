package jsup.cli.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.config.ConfigException;
import jsup.supervisor.config.Ecosystem;
import jsup.supervisor.config.EcosystemLoader;

/**
 * An ecosystem in a temp folder whose name needs escaping, with apps that use every key the exports map: an
 * executable whose path holds a quote, %, $ and a blank; arguments with quotes, %, $, a tab and a lone ;;
 * depends_on with each condition, notify and watchdog, cron_restart, probes of each kind, env with a secret.
 */
final class ExportFixture {

    final Path dir;
    final Path file;
    final Path home;
    final Ecosystem eco;
    /** A stand-in for the jsup launcher (systemd-analyze checks that executables exist). */
    final Path jsup;

    /** The odd executable's name: systemd refuses such a path as an executable, so it runs through env. */
    static final String ODD_SCRIPT = "it's 100% $HOME.sh";
    static final String ODD_ARG = "say \"hi\" 50% $USER\\n";

    ExportFixture(Path tmp) throws IOException, ConfigException {
        dir = tmp.resolve("my apps 100%");
        home = tmp.resolve("home");
        Path bin = dir.resolve("bin dir");
        Files.createDirectories(bin);
        Path odd = bin.resolve(ODD_SCRIPT);
        Files.writeString(odd, "#!/bin/sh\nexec sleep 1000\n");
        Files.setPosixFilePermissions(odd, PosixFilePermissions.fromString("rwxr-xr-x"));
        jsup = tmp.resolve("jsup-bin/jsup");
        Files.createDirectories(jsup.getParent());
        Files.writeString(jsup, "#!/bin/sh\n");
        Files.setPosixFilePermissions(jsup, PosixFilePermissions.fromString("rwxr-xr-x"));
        file = dir.resolve("ecosystem.json");
        Files.writeString(file, """
            {"apps": [
              {"name": "db", "script": "/bin/sleep", "args": ["1000"], "wait_ready": true, "watchdog": "30s",
               "listen_timeout": "20s", "cron_restart": "0 3 * * 1-5", "exp_backoff_restart_delay": 100,
               "out_file": "logs/db.out", "error_file": "logs/db.err",
               "health": {"tcp": "127.0.0.1:5432", "interval": "30s", "timeout": "2s", "failures": 3}},
              {"name": "migrate", "script": "/bin/true", "autorestart": false},
              {"name": "web", "script": "bin dir/%s", "interpreter": "none",
               "args": ["--greeting", %s, "tab\\there", ";"],
               "env": {"PLAIN": "a b $x %%y \\"q\\"", "API_TOKEN": "s3cret $1",
                       "DATABASE_URL": "postgres://app:pw0rd@db/app"},
               "depends_on": {"db": "healthy", "migrate": "completed_successfully"},
               "max_memory_restart": "300M", "kill_signal": "SIGINT", "kill_timeout": "2500ms",
               "stop_exit_codes": [78], "restart_delay": "2s", "min_uptime": "5s", "max_restarts": 4,
               "pre_start": [{"run": "echo pre"}, {"clear_stale_locks": "/tmp/jsup-export-test/*.lock"}],
               "health": {"http": {"url": "http://127.0.0.1:8080/healthz?full=1", "status": [200, 401]},
                          "interval": "10s"}},
              {"name": "my app.v2", "script": "/bin/sleep", "args": ["1000"], "autostart": false,
               "health": {"exec": ["/bin/true"], "action": "log"}}
            ]}
            """.formatted(ODD_SCRIPT, quoteJson(ODD_ARG)));
        eco = new EcosystemLoader(home, System.getenv()).load(file, null);
    }

    AppSpec app(String name) {
        return eco.apps().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    ExportSettings settings(boolean includeSecrets, ToIntFunction<AppSpec> instances) {
        return new ExportSettings(file, home, List.of(jsup.toString()), includeSecrets, instances,
                Map.of("PATH", "/usr/bin:/bin"));
    }

    /** Writes an export's files into {@code out}. */
    static void write(Export export, Path out) throws IOException {
        Files.createDirectories(out);
        for (ExportedFile f : export.files()) {
            Files.writeString(out.resolve(f.name()), f.content());
        }
    }

    private static String quoteJson(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
