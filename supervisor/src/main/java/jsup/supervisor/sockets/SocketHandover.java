package jsup.supervisor.sockets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run of an app gets of its held sockets, in systemd's protocol (sd_listen_fds(3)): the descriptors
 * as fds 3, 4, ... in file order, {@code LISTEN_FDS} (how many), {@code LISTEN_FDNAMES} (their names, joined
 * by {@code :}) and {@code LISTEN_PID}, the pid of the process they are meant for.
 *
 * <p>{@code LISTEN_PID} must be the app's own pid, which {@code posix_spawn} learns only after the exec, when
 * the environment is fixed. So the run starts in {@code /bin/sh}, which sets it to its own pid ({@code $$}) and
 * execs the app in place: the same process, so the same pid.
 */
public record SocketHandover(List<Integer> descriptors, List<String> names) {

    /** For an app without sockets: nothing passed, nothing wrapped. */
    public static final SocketHandover NONE = new SocketHandover(List.of(), List.of());

    /** systemd's variables; jsupd's own (when a socket unit started it) never reach an app. */
    public static final List<String> VARIABLES = List.of("LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES");

    static final String SHELL = "/bin/sh";
    /** {@code $0} of the wrapper: what sh names in its own error messages. */
    static final String WRAPPER_NAME = "jsup-listen";
    static final String SET_PID_AND_EXEC = "LISTEN_PID=$$; export LISTEN_PID; exec \"$@\"";

    public SocketHandover {
        descriptors = List.copyOf(descriptors);
        names = List.copyOf(names);
    }

    public boolean isEmpty() {
        return descriptors.isEmpty();
    }

    /** The descriptors to pass, in order: the child's fds 3, 4, ... */
    public int[] fds() {
        return descriptors.stream().mapToInt(Integer::intValue).toArray();
    }

    /** {@code LISTEN_FDS} and {@code LISTEN_FDNAMES}; empty without sockets. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        if (!isEmpty()) {
            env.put("LISTEN_FDS", Integer.toString(descriptors.size()));
            env.put("LISTEN_FDNAMES", String.join(":", names));
        }
        return env;
    }

    /** {@code argv} run through the shell that sets {@code LISTEN_PID}; unchanged without sockets. */
    public List<String> wrap(List<String> argv) {
        if (isEmpty()) {
            return argv;
        }
        List<String> wrapped = new ArrayList<>(argv.size() + 4);
        wrapped.add(SHELL);
        wrapped.add("-c");
        wrapped.add(SET_PID_AND_EXEC);
        wrapped.add(WRAPPER_NAME);
        wrapped.addAll(argv);
        return wrapped;
    }
}
