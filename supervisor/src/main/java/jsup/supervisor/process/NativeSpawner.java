package jsup.supervisor.process;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.io.File;
import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcInfo;
import jsup.healthmon.proc.ProcUnreadableException;
import jsup.supervisor.libc.LibcBinding;

/**
 * Starts a child with glibc's {@code posix_spawn} (through JNA) on the raw descriptors of its output
 * pipes, and learns every such child's exit on one shared {@code child-reaper} thread.
 *
 * <p>Why not {@link ProcessBuilder}: the JDK gives each child it starts a reaper thread of its own,
 * blocked in {@code waitpid} until the child ends, and each one's touched stack is ~64 KB: 33 MB of
 * jsupd's 88 MB with 500 apps, measured with NMT. Here one {@link ChildReaper} thread learns every
 * exit; a child the JDK started (a pre-start command, an exec probe) is left to the JDK's own reaper,
 * which is already waiting for exactly that pid.
 *
 * <p>The child gets what ProcessBuilder would give it: stdin from {@code /dev/null}, stdout and
 * stderr on the two descriptors, the command's directory and environment, no other descriptor of
 * jsupd's ({@code closefrom}), every signal at its default and none blocked; the program is looked
 * up on jsupd's own PATH, as the JDK does. {@link #get()} is null where this cannot load (no JNA
 * library for the platform, a C library without {@code posix_spawn_file_actions_addclosefrom_np}, i.e.
 * not glibc 2.34 or later): callers then use ProcessBuilder.
 */
final class NativeSpawner {

    static final String JDK_SPAWN_PROPERTY = "jsup.spawn.jdk";
    private static final Memory DEV_NULL = cString("/dev/null");
    private static final NativeSpawner INSTANCE = load();

    // glibc on Linux, every architecture it supports.
    private static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    private static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    private static final int O_RDONLY = 0;
    /** Larger than glibc's posix_spawn_file_actions_t (80 bytes), posix_spawnattr_t (336), sigset_t (128). */
    private static final int OPAQUE_SIZE = 512;

    private final ChildReaper reaper;
    private final Charset encoding;
    private final Memory attributes;
    /** Each launcher thread's posix_spawn_file_actions_t, initialised and destroyed at every spawn. */
    private final ThreadLocal<Memory> fileActions = ThreadLocal.withInitial(() -> new Memory(OPAQUE_SIZE));
    /** Each launcher thread's reader of the new child's stat (one reused buffer, no strings split). */
    private final ThreadLocal<ProcFileReader> procReader = ThreadLocal.withInitial(ProcFileReader::new);

    private NativeSpawner(ChildReaper.WaitCalls waits, Memory attributes) {
        String jnu = System.getProperty("sun.jnu.encoding");
        encoding = jnu != null && Charset.isSupported(jnu) ? Charset.forName(jnu) : Charset.defaultCharset();
        reaper = new ChildReaper("child-reaper", waits, System.err::println);
        this.attributes = attributes;
    }

    /**
     * The spawner of this JVM, or null where native spawning is not available or is turned off with
     * {@code -Djsup.spawn.jdk=true} (read at every start, so tests can cover both paths).
     */
    static NativeSpawner get() {
        return Boolean.getBoolean(JDK_SPAWN_PROPERTY) ? null : INSTANCE;
    }

    private static NativeSpawner load() {
        // False also for a C library older than glibc 2.34 (no addclosefrom_np): ProcessBuilder it is.
        if (!LibcBinding.register(Libc.class)) {
            return null;
        }
        ChildReaper.WaitCalls waits = ChildReaper.system();
        if (waits == null) {
            return null;
        }
        try {
            return new NativeSpawner(waits, spawnAttributes());
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Starts {@code builder}'s command (its directory and environment; its redirects are ignored) with
     * stdout on {@code outFd} and stderr on {@code errFd}.
     *
     * @throws IOException as ProcessBuilder would: the program cannot be found or run
     */
    Process start(ProcessBuilder builder, int outFd, int errFd) throws IOException {
        return start(new SpawnCommand(builder), outFd, errFd);
    }

    /** As {@link #start(ProcessBuilder, int, int)}, with {@code inherited} as the child's fds 3, 4, ... */
    Process start(ProcessBuilder builder, int outFd, int errFd, int[] inherited) throws IOException {
        return start(new SpawnCommand(builder), outFd, errFd, inherited);
    }

    /** As {@link #start(ProcessBuilder, int, int)}, for a command an app's restarts reuse. */
    Process start(SpawnCommand command, int outFd, int errFd) throws IOException {
        return start(command, outFd, errFd, new int[0]);
    }

    /**
     * As {@link #start(SpawnCommand, int, int)}, and {@code inherited} become the child's fds 3, 4, ... in
     * that order (held listening sockets, systemd's {@code LISTEN_FDS}); every other descriptor is closed.
     */
    Process start(SpawnCommand command, int outFd, int errFd, int[] inherited) throws IOException {
        CStringBlock strings = command.cStrings(encoding);
        Memory actions = fileActions.get();
        check(Libc.posix_spawn_file_actions_init(actions), "file actions");
        try {
            check(Libc.posix_spawn_file_actions_addopen(actions, 0, DEV_NULL, O_RDONLY, 0), "stdin");
            check(Libc.posix_spawn_file_actions_adddup2(actions, outFd, 1), "stdout");
            check(Libc.posix_spawn_file_actions_adddup2(actions, errFd, 2), "stderr");
            if (strings.dir() != null) {
                check(Libc.posix_spawn_file_actions_addchdir_np(actions, strings.dir()), "directory");
            }
            addInherited(actions, inherited, Math.max(outFd, errFd));
            check(Libc.posix_spawn_file_actions_addclosefrom_np(actions, 3 + inherited.length), "closefrom");
            IntByReference pid = new IntByReference();
            int rc = Libc.posix_spawnp(pid, strings.program(), actions, attributes, strings.argv(), strings.envp());
            Reference.reachabilityFence(strings); // its pointers were in use until here
            if (rc != 0) {
                File dir = command.dir();
                throw new IOException("Cannot run program \"" + command.program() + "\""
                        + (dir != null ? " (in directory \"" + dir + "\")" : "") + ": error=" + rc + ", "
                        + Libc.strerror(rc));
            }
            // Not yet known to the reaper, so not reaped: the stat (a zombie's too) and the pidfd are
            // surely this child's.
            NativeProcess process = new NativeProcess(pid.getValue(), startTimeOf(pid.getValue()),
                    Pidfd.open(pid.getValue()));
            reaper.add(process);
            return process;
        } finally {
            Libc.posix_spawn_file_actions_destroy(actions);
        }
    }

    /**
     * Moves {@code inherited} to 3, 4, ...: each first to a number above every descriptor involved, so moving one
     * down never overwrites another still to move; the final dup2 clears close-on-exec.
     */
    private static void addInherited(Pointer actions, int[] inherited, int highest) throws IOException {
        int park = Math.max(highest, 2 + inherited.length) + 1;
        for (int fd : inherited) {
            park = Math.max(park, fd + 1);
        }
        for (int i = 0; i < inherited.length; i++) {
            check(Libc.posix_spawn_file_actions_adddup2(actions, inherited[i], park + i), "inherited fd");
        }
        for (int i = 0; i < inherited.length; i++) {
            check(Libc.posix_spawn_file_actions_adddup2(actions, park + i, 3 + i), "inherited fd");
        }
    }

    /** Field 22 of the child's stat, or -1 when /proc cannot say (then its identity is unknown). */
    private long startTimeOf(int pid) {
        try {
            ProcInfo stat = procReader.get().stat(ProcFs.SYSTEM.root().toString(), pid);
            return stat == null ? -1 : stat.startTime();
        } catch (ProcUnreadableException e) {
            return -1;
        }
    }

    /**
     * Every signal at its default and none blocked in the child: the same for every spawn, so made
     * once and shared (posix_spawn only reads it).
     */
    private static Memory spawnAttributes() throws IOException {
        Memory attr = new Memory(OPAQUE_SIZE);
        try (Memory none = new Memory(OPAQUE_SIZE); Memory all = new Memory(OPAQUE_SIZE)) {
            check(Libc.posix_spawnattr_init(attr), "attributes");
            Libc.sigemptyset(none);
            Libc.sigfillset(all);
            check(Libc.posix_spawnattr_setsigmask(attr, none), "signal mask");
            check(Libc.posix_spawnattr_setsigdefault(attr, all), "signal defaults");
            check(Libc.posix_spawnattr_setflags(attr, (short) (POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)),
                    "flags");
        }
        return attr;
    }

    private static Memory cString(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
        Memory m = new Memory(bytes.length + 1L);
        m.write(0, bytes, 0, bytes.length);
        m.setByte(bytes.length, (byte) 0);
        return m;
    }

    private static void check(int rc, String what) throws IOException {
        if (rc != 0) {
            throw new IOException("posix_spawn " + what + ": " + Libc.strerror(rc));
        }
    }

    /** glibc, bound once by JNA's direct mapping (no proxy, no reflection per call). */
    private static final class Libc {
        static native int posix_spawnp(IntByReference pid, Pointer file, Pointer fileActions, Pointer attr,
                                       Pointer argv, Pointer envp);

        static native int posix_spawn_file_actions_init(Pointer actions);

        static native int posix_spawn_file_actions_destroy(Pointer actions);

        static native int posix_spawn_file_actions_addopen(Pointer actions, int fd, Pointer path, int oflag, int mode);

        static native int posix_spawn_file_actions_adddup2(Pointer actions, int fd, int newFd);

        static native int posix_spawn_file_actions_addchdir_np(Pointer actions, Pointer path);

        static native int posix_spawn_file_actions_addclosefrom_np(Pointer actions, int from);

        static native int posix_spawnattr_init(Pointer attr);

        static native int posix_spawnattr_destroy(Pointer attr);

        static native int posix_spawnattr_setflags(Pointer attr, short flags);

        static native int posix_spawnattr_setsigmask(Pointer attr, Pointer sigset);

        static native int posix_spawnattr_setsigdefault(Pointer attr, Pointer sigset);

        static native int sigemptyset(Pointer set);

        static native int sigfillset(Pointer set);

        static native String strerror(int errnum);
    }
}
