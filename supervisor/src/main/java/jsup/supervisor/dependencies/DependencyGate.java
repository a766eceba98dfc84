package jsup.supervisor.dependencies;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jsup.supervisor.ProcessStatus;
import jsup.supervisor.config.DependencyCondition;

/**
 * Decides whether an app whose start waits for its {@code depends_on} may launch now, must wait, or has
 * failed. Pure: the dependencies' states and the time come in.
 */
public final class DependencyGate {

    /** What the gate needs to know of a dependency. */
    public record Peer(ProcessStatus status, boolean ready, String lastExit) {
    }

    /** The answer. */
    public sealed interface Verdict {
    }

    /** Every condition holds: launch. */
    public record Go() implements Verdict {
    }

    /** Not yet; {@code waitingFor} says for what, e.g. {@code db (healthy)}. */
    public record Wait(String waitingFor) implements Verdict {
    }

    /** It cannot come (the dependency errored, or ended otherwise), or the time is up. */
    public record Fail(String reason) implements Verdict {
    }

    private DependencyGate() {
    }

    /**
     * {@code dependsOn} with every instance registered now of each app it names: the loader widens a
     * dependency on an app of several instances to each of them, but {@code jsup scale} may add more later,
     * and a dependent must wait for those too. A name of one instance ({@code api:1}) stays as it is.
     *
     * @param instancesOf the registered names of an app's instances ({@code api}, {@code api:1}, …)
     */
    public static Map<String, DependencyCondition> withInstances(Map<String, DependencyCondition> dependsOn,
                                                                 Function<String, List<String>> instancesOf) {
        Map<String, DependencyCondition> widened = null;
        for (Map.Entry<String, DependencyCondition> e : dependsOn.entrySet()) {
            if (e.getKey().indexOf(':') >= 0) {
                continue;
            }
            for (String instance : instancesOf.apply(e.getKey())) {
                if (!dependsOn.containsKey(instance)) {
                    if (widened == null) {
                        widened = new LinkedHashMap<>(dependsOn);
                    }
                    widened.putIfAbsent(instance, e.getValue());
                }
            }
        }
        return widened == null ? dependsOn : widened;
    }

    /**
     * @param peers     the dependency's state by name; null for an app jsupd no longer knows
     * @param waitSince when the wait began (nanoseconds, same base as {@code now})
     */
    public static Verdict check(Map<String, DependencyCondition> dependsOn, Function<String, Peer> peers,
                                Duration timeout, long waitSince, long now) {
        StringBuilder waiting = new StringBuilder();
        for (Map.Entry<String, DependencyCondition> e : dependsOn.entrySet()) {
            String name = e.getKey();
            DependencyCondition condition = e.getValue();
            Peer peer = peers.apply(name);
            if (peer == null) {
                return new Fail("dependency " + name + " is not known to jsupd; start the file that defines it");
            }
            if (met(condition, peer)) {
                continue;
            }
            String failed = failed(condition, peer);
            if (failed != null) {
                return new Fail("dependency " + name + " " + failed + " (" + condition.label() + " was needed)");
            }
            waiting.append(waiting.length() == 0 ? "" : ", ").append(name).append(" (").append(condition.label())
                    .append(")");
        }
        if (waiting.length() == 0) {
            return new Go();
        }
        if (now - waitSince >= timeout.toNanos()) {
            return new Fail("dependency " + waiting + " not met within " + Durations.text(timeout)
                    + " (depends_timeout)");
        }
        return new Wait(waiting.toString());
    }

    /** When a waiting app gives up: {@code waitSince + timeout}. */
    public static long deadline(Duration timeout, long waitSince) {
        return waitSince + timeout.toNanos();
    }

    static boolean met(DependencyCondition condition, Peer peer) {
        return switch (condition) {
            case STARTED -> peer.status() == ProcessStatus.ONLINE || peer.status() == ProcessStatus.STOPPING
                    || completedSuccessfully(peer);
            case HEALTHY -> peer.status() == ProcessStatus.ONLINE && peer.ready();
            case COMPLETED_SUCCESSFULLY -> completedSuccessfully(peer);
        };
    }

    /** Why the condition can no longer come true without someone starting the dependency, or null. */
    static String failed(DependencyCondition condition, Peer peer) {
        if (peer.status() == ProcessStatus.ERRORED) {
            return "is errored";
        }
        if (peer.status() == ProcessStatus.STOPPED && peer.lastExit() != null
                && condition != DependencyCondition.STARTED) {
            return "ended with " + peer.lastExit();
        }
        return null;
    }

    private static boolean completedSuccessfully(Peer peer) {
        return peer.status() == ProcessStatus.STOPPED && "exit code 0".equals(peer.lastExit());
    }

    /** Durations as people read them. */
    private static final class Durations {
        static String text(Duration d) {
            return jsup.supervisor.config.Durations.format(d);
        }
    }
}
