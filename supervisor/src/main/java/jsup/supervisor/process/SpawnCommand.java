package jsup.supervisor.process;

import java.io.File;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a child is started with: its argv, its environment and its directory, fixed when made. An
 * app's restarts reuse the one made for its definition, so the environment is merged once per
 * definition instead of at every spawn, and the C strings {@code posix_spawn} takes are laid out once
 * ({@link CStringBlock}). The environment is kept as what is inherited (jsupd's own, shared by every
 * app) plus the command's own variables over it, so a kept command costs little more than its own.
 */
final class SpawnCommand {

    /** jsupd's environment without systemd's socket variables: jsupd's own (a socket unit's) never reach an app. */
    private static final Map<String, String> JSUPD_ENV = withoutListenVariables(System.getenv());

    private final List<String> argv;
    /** Variables the child gets unless {@link #own} sets them: jsupd's environment, or none. */
    private final Map<String, String> inherited;
    private final Map<String, String> own;
    private final File dir;
    /** Made at the first native spawn; read-only afterwards, so concurrent spawns may share it. */
    private volatile CStringBlock cStrings;

    private SpawnCommand(List<String> argv, Map<String, String> inherited, Map<String, String> own, File dir) {
        this.argv = List.copyOf(argv);
        this.inherited = inherited;
        this.own = own;
        this.dir = dir;
    }

    /**
     * jsupd's environment with {@code env} over it.
     *
     * @throws IllegalArgumentException for a variable no environment can hold (as ProcessBuilder)
     */
    static SpawnCommand inheriting(List<String> argv, Map<String, String> env, File dir) {
        new ProcessBuilder().environment().putAll(env); // ProcessBuilder's checks of names and values
        return new SpawnCommand(argv, JSUPD_ENV, new LinkedHashMap<>(env), dir);
    }

    /** Copies {@code builder}'s command, whole environment and directory (its redirects are not kept). */
    SpawnCommand(ProcessBuilder builder) {
        this(builder.command(), Map.of(), new LinkedHashMap<>(builder.environment()), builder.directory());
    }

    private static Map<String, String> withoutListenVariables(Map<String, String> env) {
        Map<String, String> kept = new java.util.HashMap<>(env);
        jsup.supervisor.sockets.SocketHandover.VARIABLES.forEach(kept::remove);
        return java.util.Collections.unmodifiableMap(kept);
    }

    List<String> argv() {
        return argv;
    }

    String program() {
        return argv.get(0);
    }

    /** The environment variable {@code name} the child gets, or null. */
    String env(String name) {
        return own.containsKey(name) ? own.get(name) : inherited.get(name);
    }

    /** The directory, or null for jsupd's own. */
    File dir() {
        return dir;
    }

    /** A new builder for this command (stdin from {@code /dev/null}), for the JDK's spawn. */
    ProcessBuilder toBuilder() {
        ProcessBuilder builder = new ProcessBuilder(argv).directory(dir)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> environment = builder.environment(); // jsupd's
        environment.keySet().retainAll(inherited.keySet());
        environment.putAll(own);
        return builder;
    }

    /** argv, envp and the directory as C strings in {@code encoding}, laid out at the first call. */
    CStringBlock cStrings(Charset encoding) {
        CStringBlock block = cStrings;
        if (block == null) {
            Map<String, String> env = new LinkedHashMap<>(inherited);
            env.putAll(own);
            block = CStringBlock.of(argv, env, dir == null ? null : dir.getPath(), encoding,
                    inherited.isEmpty() ? null : InheritedEnvironment.of(encoding));
            cStrings = block;
        }
        return block;
    }
}
