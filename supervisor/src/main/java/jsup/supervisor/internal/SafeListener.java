package jsup.supervisor.internal;

import jsup.supervisor.SupervisorListener;
import jsup.supervisor.Transition;
import jsup.supervisor.process.TreeUsage;

/**
 * Shields the engine from a listener that throws: a half-taken edge (status changed, launch not
 * begun) would leave an app stuck. The failure is printed once per call and otherwise ignored.
 */
public final class SafeListener implements SupervisorListener {

    private final SupervisorListener delegate;

    public SafeListener(SupervisorListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public void onTransition(String app, Transition transition) {
        try {
            delegate.onTransition(app, transition);
        } catch (RuntimeException e) {
            report("onTransition", app, e);
        }
    }

    @Override
    public void onSpawn(String app, long pid, long startTime) {
        try {
            delegate.onSpawn(app, pid, startTime);
        } catch (RuntimeException e) {
            report("onSpawn", app, e);
        }
    }

    @Override
    public void onRestart(String app, String reason) {
        try {
            delegate.onRestart(app, reason);
        } catch (RuntimeException e) {
            report("onRestart", app, e);
        }
    }

    @Override
    public void onSample(String app, TreeUsage usage) {
        try {
            delegate.onSample(app, usage);
        } catch (RuntimeException e) {
            report("onSample", app, e);
        }
    }

    @Override
    public void onLogOpened(String app, jsup.supervisor.log.LogCounts counts) {
        try {
            delegate.onLogOpened(app, counts);
        } catch (RuntimeException e) {
            report("onLogOpened", app, e);
        }
    }

    @Override
    public void onMessage(String app, String message) {
        try {
            delegate.onMessage(app, message);
        } catch (RuntimeException e) {
            report("onMessage", app, e);
        }
    }

    private static void report(String hook, String app, RuntimeException e) {
        System.err.println("jsup: listener " + hook + " for app " + app + " failed: " + e);
    }
}
