package jsup.supervisor.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcessIdentity;
import jsup.supervisor.control.ControlEnvironment;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.sockets.HeldSockets;
import jsup.supervisor.sockets.SocketHandover;
import jsup.supervisor.process.SpawnedProcesses;

/**
 * Starts an app: cwd and environment (jsupd's own, then the app's, then jsupd's marks), the command run
 * through {@code /usr/bin/setsid} so the child leads its own session and process group, on the output
 * its {@link ChildOutput} hands over ({@link Spawner}: {@code posix_spawn}, else {@link ProcessBuilder}).
 * A child started either way is in jsupd's process group, so never a group leader: setsid execs in
 * place (no fork) and the pid jsupd holds is the app's own.
 */
public final class OsChildLauncher implements ChildLauncher {

    static final String SETSID = "/usr/bin/setsid";

    private final ProcFs procFs;
    private final Signaller signaller;
    private final Map<String, String> marks;
    private final HeldSockets sockets;
    private final GroupProbe groups;
    /**
     * By app name, the command of the definition last launched: jsupd's environment and the marks never
     * change, so an app's restarts need not copy and merge the environment again. One entry per name,
     * dropped when the app is deleted ({@link #forget}).
     */
    private final Map<String, Prepared> commands = new ConcurrentHashMap<>();

    /** @param marks set in every child's environment after the app's own {@code env} */
    public OsChildLauncher(ProcFs procFs, Map<String, String> marks) {
        this(procFs, marks, new HeldSockets(procFs));
    }

    /** @param sockets the listening sockets jsupd holds for apps, passed to each run as fds 3, 4, ... */
    public OsChildLauncher(ProcFs procFs, Map<String, String> marks, HeldSockets sockets) {
        this.sockets = sockets;
        this.procFs = procFs;
        this.signaller = new Signaller(procFs);
        this.marks = Map.copyOf(marks);
        this.groups = GroupProbe.of(procFs);
    }

    @Override
    public Child launch(AppSpec spec, ChildOutput output) throws LaunchException {
        Path cwd = spec.cwd();
        if (!cwd.toFile().isDirectory()) { // java.io: one stat, fewer objects than Files at every restart
            throw new LaunchException("cwd " + cwd + " is not a folder; create it or fix \"cwd\"");
        }
        SocketHandover handover = handover(spec);
        SpawnCommand command = commandFor(spec, handover);
        String program = spec.command().get(0);
        checkRunnable(program, cwd, command.env("PATH"));
        Process process;
        CompletableFuture<Void> drained;
        try {
            ChildOutput.Started started = Spawner.start(command, output, handover.fds());
            process = started.process();
            drained = started.drained();
        } catch (IOException | UncheckedIOException e) {
            throw new LaunchException("cannot start " + program + ": " + e.getMessage());
        }
        long startTime = startTimeOf(process);
        TrackedTree tree = new TrackedTree(procFs, new ProcessIdentity((int) process.pid(), startTime), groups);
        return new OsChild(process, startTime, tree, signaller, drained, procFs);
    }

    private SocketHandover handover(AppSpec spec) throws LaunchException {
        if (!spec.sockets().isEmpty() && !Spawner.spawnsNatively()) {
            throw new LaunchException("\"sockets\" needs posix_spawn (glibc 2.34 or later on 64-bit Linux, without "
                    + "-D" + Spawner.JDK_SPAWN_PROPERTY + "=true): ProcessBuilder cannot pass descriptors; remove "
                    + "\"sockets\" from " + spec.name());
        }
        try {
            return sockets.handover(spec);
        } catch (IOException e) {
            throw new LaunchException(e.getMessage());
        }
    }

    /**
     * The command {@code spec} starts: made at its first launch, reused until the definition changes (its held
     * sockets' variables and wrapper follow from the definition; only their descriptors are passed per run).
     */
    private SpawnCommand commandFor(AppSpec spec, SocketHandover handover) {
        Prepared prepared = commands.get(spec.name());
        if (prepared == null || prepared.spec() != spec) {
            prepared = new Prepared(spec, commandOf(spec, handover));
            commands.put(spec.name(), prepared);
        }
        return prepared.command();
    }

    private SpawnCommand commandOf(AppSpec spec, SocketHandover handover) {
        Map<String, String> env = new LinkedHashMap<>(spec.env());
        // Last, so an app's env cannot hide its processes from a later jsupd's /proc scan.
        env.putAll(marks);
        env.put(ControlEnvironment.APP_VAR, spec.name());
        List<String> command = spec.command();
        List<String> argv = new ArrayList<>(command.size() + 1);
        argv.add(SETSID);
        argv.addAll(command);
        env.putAll(handover.environment());
        return SpawnCommand.inheriting(handover.wrap(argv), env, spec.cwd().toFile());
    }

    /** Drops the command kept for {@code name}: a deleted app's is never launched again. */
    @Override
    public void forget(String name) {
        commands.remove(name);
    }

    /** Whether a command is kept for {@code name} (for tests). */
    boolean keepsCommandFor(String name) {
        return commands.containsKey(name);
    }

    /** The command made for one definition of an app (compared by identity: a new definition is a new spec). */
    private record Prepared(AppSpec spec, SpawnCommand command) {
    }

    /**
     * The child's start time: as read at the spawn, or else read now and kept only if the child is
     * still unreaped after the read (else the pid may already be another process's). -1 when unknown:
     * then nothing is ever signalled under that identity, only the child through its own handle.
     */
    private long startTimeOf(Process process) {
        long atSpawn = SpawnedProcesses.startTime(process);
        if (atSpawn >= 0) {
            return atSpawn;
        }
        long read = procFs.stat((int) process.pid()).map(p -> p.startTime()).orElse(-1L);
        return process.isAlive() ? read : -1;
    }

    /** Fails early with a readable reason instead of a setsid error line in the app's log. */
    static void checkRunnable(String program, Path cwd, String path) throws LaunchException {
        if (program.contains("/")) {
            Path file = cwd.resolve(program);
            File f = file.toFile();
            if (!f.exists()) {
                throw new LaunchException("cannot run " + file + ": no such file; fix \"script\" or \"cwd\"");
            }
            if (f.isDirectory() || !f.canExecute()) {
                throw new LaunchException("cannot run " + file + ": not an executable file; "
                        + "chmod +x it or set \"interpreter\"");
            }
            return;
        }
        String searched = path == null ? "" : path;
        for (String dir : searched.split(":")) {
            File candidate = new File(dir.isEmpty() ? "." : dir, program);
            if (candidate.isFile() && candidate.canExecute()) {
                return;
            }
        }
        throw new LaunchException("cannot run \"" + program + "\": not found on PATH (" + searched
                + "); install it or give its absolute path");
    }
}
