package jsup.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs {@code jsup} in this JVM through {@link JsupCli} with its own environment and captured out/err. */
public final class CliRun {

    /** What one in-process run produced. */
    public record Result(int exitCode, String out, String err) {
    }

    private CliRun() {
    }

    public static Result run(Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(extraEnv);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(env, new PrintWriter(out, true), new PrintWriter(err, true), false, Path.of(""));
        int code = JsupCli.execute(ctx, args);
        return new Result(code, out.toString(), err.toString());
    }
}
