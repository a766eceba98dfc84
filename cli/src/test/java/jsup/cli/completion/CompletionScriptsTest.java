package jsup.cli.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jsup.cli.CliRun;
import jsup.cli.ExitCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jsup completion bash|zsh|fish}: each script passes its shell's syntax check and, where the
 * shell is installed, completes commands, options, app names (from a stand-in {@code jsup list
 * --names} while a jsupd socket exists, none without one) and file names.
 */
class CompletionScriptsTest {

    @TempDir
    Path tmp;

    private Path home;
    private Path bin;

    @BeforeEach
    void standInJsupAndHome() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        bin = Files.createDirectories(tmp.resolve("bin"));
        // The scripts call "jsup list --names"; this stand-in answers like a jsupd running web and worker.
        Path jsup = Files.writeString(bin.resolve("jsup"),
                "#!/bin/sh\n[ \"$1 $2\" = \"list --names\" ] && printf 'web\\nworker\\n'\n");
        Files.setPosixFilePermissions(jsup, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(tmp.resolve("eco.json"), "{}");
    }

    private String script(String shell) throws IOException {
        CliRun.Result r = CliRun.run(Map.of(), "completion", shell);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Path file = tmp.resolve("jsup." + shell);
        Files.writeString(file, r.out());
        return file.toString();
    }

    @Test
    void everyScriptPassesItsShellsSyntaxCheck() throws Exception {
        assertThat(run("bash", "-n", script("bash")).code).isZero();
        for (String shell : List.of("zsh", "fish")) {
            String file = script(shell);
            if (installed(shell)) {
                Shell result = run(shell, "-n", file);
                assertThat(result.code).as("%s -n: %s", shell, result.out).isZero();
            }
        }
        // Structural checks that hold whether or not the shells are installed.
        assertThat(Files.readString(Path.of(script("zsh")))).startsWith("#compdef jsup").contains("compdef _jsup jsup")
                .contains("'start:Start apps from a file, a script or by name'");
        assertThat(Files.readString(Path.of(script("fish")))).contains("complete -c jsup -f")
                .contains("complete -c jsup -n __fish_use_subcommand -a 'start'")
                .contains("-n '__fish_seen_subcommand_from restart' -a '(__jsup_names) all'");
    }

    @Test
    void bashCompletesCommandsOptionsAppNamesAndFiles() throws Exception {
        String script = script("bash");
        try (ServerSocketChannel socket = daemonSocket()) {
            assertThat(bash(script, "jsup sta")).containsExactlyInAnyOrder("start", "status", "startup", "startOrRestart",
                    "startOrReload", "startOrGracefulReload");
            assertThat(bash(script, "jsup restart ")).contains("web", "worker", "all");
            assertThat(bash(script, "jsup describe w")).containsExactlyInAnyOrder("web", "worker");
            assertThat(bash(script, "jsup logs --ti")).containsExactly("--timestamp");
            assertThat(bash(script, "jsup logs --lines ")).isEmpty();
            assertThat(bash(script, "jsup start ec")).containsExactly("eco.json");
            assertThat(bash(script, "jsup completion ")).containsExactlyInAnyOrder("bash", "zsh", "fish");
        }
        Files.delete(home.resolve("jsup.sock"));  // as jsupd does when it exits
        assertThat(bash(script, "jsup restart w")).as("no jsupd socket: no names, and none started").isEmpty();
    }

    @Test
    void fishCompletesCommandsAppNamesAndFiles() throws Exception {
        assumeThat(installed("fish")).as("fish installed").isTrue();
        String script = script("fish");
        try (ServerSocketChannel socket = daemonSocket()) {
            assertThat(fish(script, "jsup sta")).contains("start", "status", "startup");
            assertThat(fish(script, "jsup restart ")).contains("web", "worker", "all");
            assertThat(fish(script, "jsup start ec")).contains("eco.json");
            assertThat(fish(script, "jsup logs --time")).contains("--timestamp");
        }
    }

    @Test
    void zshRegistersItsCompletionFunction() throws Exception {
        assumeThat(installed("zsh")).as("zsh installed").isTrue();
        Shell r = run("zsh", "-f", "-c", "autoload -U compinit; compinit -u -D; source " + script("zsh")
                + "; print -r -- $_comps[jsup]; _jsup_names");
        assertThat(r.out.lines().toList()).as(r.out).startsWith("_jsup");
    }

    @Test
    void anUnknownShellIsAUsageErrorNamingTheAcceptedOnes() {
        CliRun.Result r = CliRun.run(Map.of(), "completion", "tcsh");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("'tcsh'").contains("bash, zsh, fish");
        assertThat(r.out()).isEmpty();
    }

    /** A listening Unix socket where the scripts look for jsupd's. */
    private ServerSocketChannel daemonSocket() throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        ch.bind(UnixDomainSocketAddress.of(home.resolve("jsup.sock")));
        return ch;
    }

    private List<String> bash(String script, String line) throws Exception {
        String[] words = line.split(" ", -1);
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append("'").append(w).append("' ");
        }
        Shell r = run("bash", "-c", "source " + script + "; COMP_WORDS=(" + array + "); COMP_CWORD="
                + (words.length - 1) + "; _jsup; printf '%s\\n' \"${COMPREPLY[@]}\"");
        assertThat(r.code).as(r.out).isZero();
        return r.out.lines().filter(l -> !l.isEmpty()).toList();
    }

    private List<String> fish(String script, String line) throws Exception {
        Shell r = run("fish", "--no-config", "-c", "source " + script + "; complete -C '" + line + "'");
        assertThat(r.code).as(r.out).isZero();
        return r.out.lines().map(l -> l.split("\t")[0]).toList();
    }

    private record Shell(int code, String out) {
    }

    private Shell run(String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true);
        pb.environment().put("JSUP_HOME", home.toString());
        pb.environment().put("PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        pb.environment().put("HOME", tmp.toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Shell(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static boolean installed(String shell) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, shell))) {
                return true;
            }
        }
        return false;
    }
}
