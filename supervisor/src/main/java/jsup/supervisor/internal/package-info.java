/**
 * The engine's implementation. Pure parts, tested with a fake clock: {@code RestartPolicy},
 * {@code Backoff}, {@code TransitionTable}, {@code StateMachine}, {@code ManagedApp} (one app's want,
 * status and run; time always passed in). OS parts behind small seams: {@code ChildLauncher} /
 * {@code OsChildLauncher} (ProcessBuilder through setsid), {@code Child} / {@code OsChild},
 * {@code TrackedTree} and {@code TreeSampler} (process trees via /proc), {@code Signaller}
 * (signals, checked against start times), {@code ChildOutput} (AppLog or plain redirects),
 * {@code PreStartHook}. {@code Engine} holds the apps and the tick; {@code EngineLoop} is the one
 * thread that owns them.
 *
 * <p>Not an API: other modules use {@code jsup.supervisor} only. Everything here reads /proc and
 * starts or signals only processes of the apps it supervises.
 */
package jsup.supervisor.internal;
