package jsup.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import jsup.cli.CliRun;
import jsup.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jsup prestart} and {@code jsup probe}: an app's steps and probes from the file, without jsupd. */
class PrestartAndProbeCommandTest {

    @TempDir
    Path tmp;

    private CliRun.Result jsup(String... args) {
        return CliRun.run(Map.of("JSUP_HOME", tmp.resolve("home").toString()), args);
    }

    private Path ecosystem(String apps) throws Exception {
        Path file = tmp.resolve("ecosystem.json");
        Files.writeString(file, "{\"apps\":[" + apps + "]}");
        return file;
    }

    @Test
    void prestartRemovesAStaleLockKeepsALiveOneAndRunsTheCommands() throws Exception {
        Path locks = Files.createDirectories(tmp.resolve("locks"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(locks.resolve("stale.lock"), Long.toString(gone.pid()));
        Files.writeString(locks.resolve("live.lock"), Long.toString(ProcessHandle.current().pid()));
        Path file = ecosystem("{\"name\":\"gw\",\"script\":\"/bin/true\",\"pre_start\":["
                + "{\"clear_stale_locks\":\"" + locks + "/*.lock\"},{\"run\":\"echo ran > ran.txt\"}]}");

        CliRun.Result r = jsup("prestart", "gw", file.toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(locks.resolve("stale.lock")).doesNotExist();
        assertThat(locks.resolve("live.lock")).exists();
        assertThat(tmp.resolve("ran.txt")).hasContent("ran");
        assertThat(r.out()).contains("stale.lock", "2 step(s) passed");
    }

    @Test
    void prestartExitsOneWithTheReasonWhenAStepFails() throws Exception {
        Path file = ecosystem("{\"name\":\"gw\",\"script\":\"/bin/true\",\"pre_start\":[{\"run\":\"echo boom >&2; exit 3\"}]}");

        CliRun.Result r = jsup("prestart", "gw", file.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(r.err()).contains("failed", "boom");
        assertThat(jsup("prestart", "ghost", file.toString()).exitCode()).isEqualTo(ExitCode.UNKNOWN_APP);
    }

    @Test
    void probeExitCodeIsTheResultOfOneRound() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/healthz", ex -> {
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
        int port = server.getAddress().getPort();
        Path file;
        try {
            file = ecosystem("{\"name\":\"web\",\"script\":\"/bin/true\",\"health\":{\"http\":\"http://127.0.0.1:" + port
                    + "/healthz\",\"timeout\":\"30s\"}},"
                    + "{\"name\":\"bad\",\"script\":\"/bin/true\",\"health\":{\"exec\":[\"/bin/false\"]}},"
                    + "{\"name\":\"none\",\"script\":\"/bin/true\"}");
            CliRun.Result up = jsup("probe", "web", file.toString());
            assertThat(up.exitCode()).as(up.out() + up.err()).isEqualTo(ExitCode.OK);
            assertThat(up.out()).contains("ok", "web", "http");
        } finally {
            server.stop(0);
        }
        CliRun.Result down = jsup("probe", "web", file.toString());
        assertThat(down.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(down.out()).contains("FAIL");

        assertThat(jsup("probe", "bad", file.toString()).exitCode()).isEqualTo(ExitCode.FAILURE);
        CliRun.Result none = jsup("probe", "none", file.toString());
        assertThat(none.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(none.err()).contains("no health block");
        assertThat(jsup("probe", "ghost", file.toString()).exitCode()).isEqualTo(ExitCode.UNKNOWN_APP);
    }
}
