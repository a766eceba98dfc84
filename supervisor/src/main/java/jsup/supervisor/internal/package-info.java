/**
 * The engine's implementation. Pure parts, tested with a fake clock: {@code RestartPolicy},
 * {@code Backoff}, {@code TransitionTable}, {@code StateMachine}, {@code ManagedApp} (one app's want,
 * status and run; time always passed in). The OS is reached only through the seams of
 * {@code jsup.supervisor.process} ({@code ChildLauncher}/{@code Child}: spawn, reap, signal, identity,
 * sampling), whose {@code ChildOutput} this package implements ({@code AppLogOutput}: log capture;
 * {@code FileRedirectOutput}: plain redirects), and {@code PreStartHook}. {@code Engine} holds
 * the apps and the tick; {@code EngineLoop} is the one thread that owns them.
 *
 * <p>Not an API: other modules use {@code jsup.supervisor} only. Nothing here spawns, reaps or
 * signals an app's process itself.
 */
package jsup.supervisor.internal;
