/**
 * The one home of the process lifecycle: spawn, reap, signal and identity, for the apps jsupd runs and
 * for the trees a dead jsupd left behind. Log capture only hands over where a child's output goes
 * ({@link jsup.supervisor.process.ChildOutput}, {@link jsup.supervisor.process.ChildStdio}); it never
 * starts a process (as in runit and s6, where the supervisor forks, execs and reaps and the logger only
 * receives a pipe).
 *
 * <p>The flow of one run:
 * <ol>
 * <li><b>spawn</b>: {@code OsChildLauncher} builds the command (through {@code setsid}, its own session
 *     and group; jsupd's marks {@code JSUP_HOME}/{@code JSUP_APP} in its environment), opens a run of
 *     the app's output and {@link jsup.supervisor.process.Spawner} starts the child on the descriptors it
 *     handed over: {@code posix_spawn} through JNA ({@code NativeSpawner}), else {@link ProcessBuilder};</li>
 * <li><b>identity</b>: the child's start time (field 22 of {@code /proc/<pid>/stat}) is read before
 *     anyone can reap it, and a pidfd ({@code Pidfd}) is opened then; a pid whose start time is unknown
 *     is never signalled as one of ours;</li>
 * <li><b>reap</b>: one {@code child-reaper} thread ({@code ChildReaper}) learns every exit
 *     ({@code NativeProcess}); children the JDK started are left to the JDK's own reaper;</li>
 * <li><b>signal</b>: {@code OsChild} signals the tree ({@code TrackedTree}: main process, descendants,
 *     group, session, detached members it saw) through {@code Signaller}, which checks each target's start
 *     time in {@code /proc} and sends {@code kill(2)} ({@code KillSyscall}); the main process itself goes
 *     through its pidfd when {@code /proc} cannot vouch for it;</li>
 * <li><b>walk</b>: {@link jsup.supervisor.process.ProcSnapshot} is one full read of {@code /proc},
 *     children indexed by parent, start times checked, and its walk is the only walk down a tree (also
 *     over {@code children} files, for {@code TreeSampler}'s cheaper look at memory and CPU);
 *     {@link jsup.supervisor.process.ProcEnviron} reads a process's environment.</li>
 * </ol>
 *
 * <p>May touch: {@code /proc} (read only), the processes jsupd started and their trees, the trees
 * {@link jsup.supervisor.process.ProcessTree} is asked to stop, and the descriptors handed over for a
 * child's output. Imports config ({@code AppSpec}) and the names in {@code control.ControlEnvironment};
 * never log capture, the engine ({@code internal}), the daemon or the control server. Most classes are
 * package-private: the engine sees {@code Child}, {@code ChildLauncher}, {@code OsChildLauncher},
 * {@code ChildOutput}, {@code Spawner}, {@code TreeSampler}, {@code TrackedTree} (as a handle) and the
 * values they report; the daemon {@code ProcessTree}, {@code ProcSnapshot} and {@code ProcEnviron}.
 */
package jsup.supervisor.process;
