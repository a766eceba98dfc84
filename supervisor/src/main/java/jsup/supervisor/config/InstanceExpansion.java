package jsup.supervisor.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jsup.healthmon.HealthSpec;
import jsup.healthmon.ProbeSpec;

/**
 * Turns an app of {@code instances: N} into its N instances, each an app of its own to the engine
 * (docs/config.md, "Instances"). Pure: no files, no processes.
 * <ul>
 * <li>name: instance 0 keeps the app's name, instance k is {@code name:k};</li>
 * <li>environment: {@code JSUP_INSTANCE} and {@code instance_var} carry k; {@code increment_var} is raised by k;</li>
 * <li>log and pid files get {@code -k} before their extension, as PM2's, unless {@code merge_logs};</li>
 * <li>a health probe on the port that {@code increment_var} holds follows it.</li>
 * </ul>
 * An app of one instance is left exactly as it is.
 */
public final class InstanceExpansion {

    /** Between an app's name and an instance id: {@code api:2}. App names cannot contain it. */
    public static final char SEPARATOR = ':';

    private InstanceExpansion() {
    }

    /** Every instance of every app, and each {@code depends_on} widened to all instances of what it names. */
    public static List<AppSpec> expandAll(List<AppSpec> apps) {
        List<AppSpec> all = new ArrayList<>();
        for (AppSpec app : apps) {
            all.addAll(expand(app));
        }
        return linkDependencies(all);
    }

    /** The app's instances 0 to count-1; the app itself when it has one. */
    public static List<AppSpec> expand(AppSpec app) {
        List<AppSpec> instances = new ArrayList<>(app.instances().count());
        for (int id = 0; id < app.instances().count(); id++) {
            instances.add(instance(app, id));
        }
        return instances;
    }

    /**
     * Instance {@code id} of {@code app} (the app as defined, instance 0 of its set). An id at or past the
     * count is an instance added by {@code jsup scale}.
     */
    public static AppSpec instance(AppSpec app, int id) {
        InstancesSpec set = app.instances();
        if (set.count() == 1 && id == 0) {
            return app;
        }
        Map<String, String> env = new HashMap<>(app.env());
        env.put(InstancesSpec.JSUP_INSTANCE, Integer.toString(id));
        env.put(set.instanceVar(), Integer.toString(id));
        String base = set.incrementVar() == null ? null : app.env().get(set.incrementVar());
        int basePort = base == null ? -1 : Integer.parseInt(base.strip());
        if (base != null) {
            env.put(set.incrementVar(), Integer.toString(basePort + id));
        }
        boolean split = !app.mergeLogs();
        return app.asInstance(nameOf(app.name(), id), env,
                split ? suffixed(app.outFile(), id) : app.outFile(),
                split ? suffixed(app.errorFile(), id) : app.errorFile(),
                split ? suffixed(app.logFile(), id) : app.logFile(),
                suffixed(app.pidFile(), id),
                followPort(app.health(), basePort, id), set.withId(id));
    }

    /**
     * The app as defined, from its instance 0 (what {@code save} writes, with the live count): undoes what
     * {@link #instance} changed, so loading it again gives the same instances.
     */
    public static AppSpec definition(AppSpec instanceZero, int liveCount) {
        InstancesSpec set = instanceZero.instances();
        // A single app still drops the instance names the loader linked into its depends_on (api:1, ...).
        boolean linked = instanceZero.dependsOn().keySet().stream().anyMatch(n -> idOf(n) != 0);
        if (set.count() == 1 && set.id() == 0 && liveCount == 1 && !linked) {
            return instanceZero;
        }
        Map<String, String> env = new HashMap<>(instanceZero.env());
        if (set.count() > 1) { // instance 0 of an app that ran alone never had them
            env.remove(InstancesSpec.JSUP_INSTANCE);
            env.remove(set.instanceVar());
        }
        boolean split = set.count() > 1 && !instanceZero.mergeLogs();
        Map<String, DependencyCondition> deps = new LinkedHashMap<>();
        instanceZero.dependsOn().forEach((name, condition) -> {
            if (idOf(name) == 0) {
                deps.put(name, condition);
            }
        });
        return instanceZero.asInstance(instanceZero.name(), env,
                split ? unsuffixed(instanceZero.outFile(), 0) : instanceZero.outFile(),
                split ? unsuffixed(instanceZero.errorFile(), 0) : instanceZero.errorFile(),
                split ? unsuffixed(instanceZero.logFile(), 0) : instanceZero.logFile(),
                set.count() > 1 ? unsuffixed(instanceZero.pidFile(), 0) : instanceZero.pidFile(),
                instanceZero.health(), set.withCount(liveCount)).withDependsOn(deps);
    }

    /**
     * Each app's {@code depends_on} naming an app of several instances waits for all of them: {@code api}
     * becomes {@code api, api:1, api:2} with the same condition.
     */
    public static List<AppSpec> linkDependencies(List<AppSpec> apps) {
        Map<String, List<String>> instancesOf = new LinkedHashMap<>();
        for (AppSpec app : apps) {
            instancesOf.computeIfAbsent(appName(app.name()), k -> new ArrayList<>()).add(app.name());
        }
        List<AppSpec> linked = new ArrayList<>(apps.size());
        for (AppSpec app : apps) {
            Map<String, DependencyCondition> deps = new LinkedHashMap<>();
            app.dependsOn().forEach((name, condition) -> {
                for (String instance : instancesOf.getOrDefault(name, List.of(name))) {
                    deps.put(instance, condition);
                }
            });
            linked.add(deps.equals(app.dependsOn()) ? app : app.withDependsOn(deps));
        }
        return linked;
    }

    /**
     * Whether two definitions of one instance differ at most in the count of their set: a file that says
     * {@code instances: 3} of an app scaled to 5 leaves instances 0-2 as they run.
     */
    public static boolean sameBesidesCount(AppSpec a, AppSpec b) {
        if (a.equals(b)) {
            return true;
        }
        AppSpec recounted = a.asInstance(a.name(), a.env(), a.outFile(), a.errorFile(), a.logFile(), a.pidFile(),
                a.health(), a.instances().withCount(b.instances().count()));
        return recounted.equals(b);
    }

    /** {@code api} for instance 0, {@code api:k} for the others. */
    public static String nameOf(String app, int id) {
        return id == 0 ? app : app + SEPARATOR + id;
    }

    /** The app a registered name belongs to: {@code api} for {@code api:2} and for {@code api}. */
    public static String appName(String name) {
        int at = name.lastIndexOf(SEPARATOR);
        return at > 0 && isId(name.substring(at + 1)) ? name.substring(0, at) : name;
    }

    /** The instance id in a registered name: 2 for {@code api:2}, 0 for {@code api}. */
    public static int idOf(String name) {
        int at = name.lastIndexOf(SEPARATOR);
        return at > 0 && isId(name.substring(at + 1)) ? Integer.parseInt(name.substring(at + 1)) : 0;
    }

    private static boolean isId(String s) {
        return !s.isEmpty() && s.length() <= 6 && s.chars().allMatch(Character::isDigit);
    }

    /** {@code api-out.log} as {@code api-out-2.log}; a name without an extension gets {@code -2} at the end. */
    static Path suffixed(Path file, int id) {
        if (file == null) {
            return null;
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String withId = dot > 0 ? name.substring(0, dot) + "-" + id + name.substring(dot) : name + "-" + id;
        return file.resolveSibling(withId);
    }

    private static Path unsuffixed(Path file, int id) {
        if (file == null) {
            return null;
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String tag = "-" + id;
        if (!stem.endsWith(tag)) {
            return file;
        }
        return file.resolveSibling(stem.substring(0, stem.length() - tag.length()) + (dot > 0 ? name.substring(dot) : ""));
    }

    /** Probes on {@code basePort} (the increment_var's value) move to {@code basePort + id}. */
    private static HealthSpec followPort(HealthSpec health, int basePort, int id) {
        if (health == null || basePort < 0 || id == 0) {
            return health;
        }
        List<ProbeSpec> probes = new ArrayList<>();
        for (ProbeSpec p : health.probes()) {
            probes.add(followPort(p, basePort, id));
        }
        return new HealthSpec(probes, health.interval(), health.timeout(), health.failures(), health.initialDelay(),
                health.action(), health.inotifyWarn());
    }

    private static ProbeSpec followPort(ProbeSpec probe, int basePort, int id) {
        if (probe instanceof ProbeSpec.Tcp tcp && tcp.port() == basePort) {
            return new ProbeSpec.Tcp(tcp.host(), basePort + id);
        }
        if (probe instanceof ProbeSpec.Http http && http.url().getPort() == basePort) {
            URI u = http.url();
            try {
                URI moved = new URI(u.getScheme(), u.getUserInfo(), u.getHost(), basePort + id, u.getPath(),
                        u.getQuery(), u.getFragment());
                return new ProbeSpec.Http(moved, http.statuses(), http.bodyContains());
            } catch (URISyntaxException e) {
                return probe; // the same URI with another port is always valid
            }
        }
        return probe;
    }
}
