package jsup.supervisor.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Predicate;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.config.InstanceExpansion;
import jsup.supervisor.dependencies.DependencyGate;
import jsup.supervisor.process.TrackedTree;
import jsup.supervisor.process.TreeSampler;
import jsup.supervisor.process.TreeUsage;

/**
 * Every app of one supervisor and the tick that moves them along. Confined to the engine thread:
 * {@link EngineLoop} calls {@link #tick} after every task and sleeps until the deadline it returns.
 */
public final class Engine {

    private final EngineContext ctx;
    private final TreeSampler sampler;
    private final Map<String, ManagedApp> apps = new LinkedHashMap<>();
    private int nextId;

    public Engine(EngineContext ctx, TreeSampler sampler) {
        this.ctx = ctx;
        this.sampler = sampler;
    }

    public ManagedApp add(AppSpec spec) {
        if (apps.containsKey(spec.name())) {
            throw new IllegalArgumentException("app " + spec.name()
                    + " already exists; delete it first or choose another name");
        }
        ManagedApp app = new ManagedApp(nextId++, spec, ctx, this::peer, this::instancesOf);
        apps.put(spec.name(), app);
        return app;
    }

    /** What a {@code depends_on} gate needs to know of the app {@code name}, or null when there is none. */
    private DependencyGate.Peer peer(String name) {
        ManagedApp app = apps.get(name);
        return app == null ? null : app.peer();
    }

    /** The registered instances of the app {@code app} ({@code api}, {@code api:1}, …). */
    private List<String> instancesOf(String app) {
        List<String> names = new ArrayList<>();
        for (String name : apps.keySet()) {
            if (InstanceExpansion.appName(name).equals(app)) {
                names.add(name);
            }
        }
        return names;
    }

    public boolean has(String name) {
        return apps.containsKey(name);
    }

    /** The app with this name, or with this id when {@code nameOrId} is a number. */
    public Optional<ManagedApp> lookup(String nameOrId) {
        ManagedApp byName = apps.get(nameOrId);
        if (byName != null) {
            return Optional.of(byName);
        }
        try {
            int id = Integer.parseInt(nameOrId);
            return apps.values().stream().filter(a -> a.id() == id).findFirst();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** @throws NoSuchElementException {@code unknown app: <name>} */
    public ManagedApp find(String nameOrId) {
        return lookup(nameOrId).orElseThrow(() -> new NoSuchElementException("unknown app: " + nameOrId));
    }

    public void forget(ManagedApp app) {
        if (apps.remove(app.name(), app)) {
            ctx.launcher().forget(app.name());
        }
        app.close();
    }

    public List<ManagedApp> apps() {
        return new ArrayList<>(apps.values());
    }

    /**
     * Samples every tree that is due (one pass for all of them), then lets every app take the edges
     * that waited for {@code nowNanos}.
     *
     * @return the next deadline in {@code nowNanos}' time base, or {@link ManagedApp#NEVER}
     */
    public long tick(long nowNanos) {
        sample(app -> app.sampleDue(nowNanos), nowNanos);
        long next = ManagedApp.NEVER;
        for (ManagedApp app : apps()) {
            next = Math.min(next, app.tick(nowNanos));
        }
        return next;
    }

    /**
     * Before someone reads the apps' figures: samples, in one pass, every tree whose figures would be
     * older than {@link SampleCadence#FRESH} (apps without a memory cap are otherwise sampled seldom).
     */
    public void freshen(long nowNanos) {
        sample(app -> app.staleForReader(nowNanos), nowNanos);
    }

    /** Samples the trees of the apps {@code due} in one pass and hands each app its sample. */
    private void sample(Predicate<ManagedApp> due, long nowNanos) {
        List<ManagedApp> sampled = new ArrayList<>();
        List<TrackedTree> trees = new ArrayList<>();
        for (ManagedApp app : apps.values()) {
            if (due.test(app)) {
                sampled.add(app);
                trees.add(app.tree());
            }
        }
        if (!sampled.isEmpty()) {
            Map<TrackedTree, TreeUsage> usage = sampler.sample(trees, nowNanos);
            for (ManagedApp app : sampled) {
                app.onUsage(usage.get(app.tree()), nowNanos);
            }
        }
    }

    /** Releases what sampling keeps open; call once every app is forgotten. */
    public void close() {
        sampler.close();
    }
}
