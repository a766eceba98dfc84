package jsup.supervisor.process;

import java.io.File;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a child is started with: its argv, its whole environment and its directory, fixed when made.
 * An app's restarts reuse the one made for its definition, so the environment is copied from jsupd's
 * and merged with the app's once per definition instead of at every spawn, and the C strings
 * {@code posix_spawn} takes are laid out once ({@link CStringBlock}).
 */
final class SpawnCommand {

    private final List<String> argv;
    private final Map<String, String> env;
    private final File dir;
    /** Made at the first native spawn; read-only afterwards, so concurrent spawns may share it. */
    private volatile CStringBlock cStrings;

    /** Copies {@code builder}'s command, environment and directory (its redirects are not kept). */
    SpawnCommand(ProcessBuilder builder) {
        this.argv = List.copyOf(builder.command());
        this.env = new LinkedHashMap<>(builder.environment());
        this.dir = builder.directory();
    }

    List<String> argv() {
        return argv;
    }

    String program() {
        return argv.get(0);
    }

    /** The environment variable {@code name}, or null. */
    String env(String name) {
        return env.get(name);
    }

    /** The directory, or null for jsupd's own. */
    File dir() {
        return dir;
    }

    /** A new builder for this command (stdin from {@code /dev/null}), for the JDK's spawn. */
    ProcessBuilder toBuilder() {
        ProcessBuilder builder = new ProcessBuilder(argv).directory(dir)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(env);
        return builder;
    }

    /** argv, envp and the directory as C strings in {@code encoding}, laid out at the first call. */
    CStringBlock cStrings(Charset encoding) {
        CStringBlock block = cStrings;
        if (block == null) {
            List<String> envp = new ArrayList<>(env.size());
            for (Map.Entry<String, String> e : env.entrySet()) {
                envp.add(e.getKey() + "=" + e.getValue());
            }
            block = CStringBlock.of(argv, envp, dir == null ? null : dir.getPath(), encoding);
            cStrings = block;
        }
        return block;
    }
}
