package jsup.supervisor.daemon;

import java.util.ArrayList;
import java.util.List;
import jsup.supervisor.AppStatus;
import jsup.supervisor.config.InstanceExpansion;
import jsup.supervisor.control.ControlException;
import jsup.supervisor.control.ErrorCode;

/**
 * Resolves a command's {@code target}: {@code all}, an id, a name (every instance of the app), {@code name:N}
 * (its instance N), or a namespace (PM2's order).
 */
final class Targets {

    static final String ALL = "all";

    private Targets() {
    }

    /**
     * The apps {@code target} means, in id order.
     *
     * @throws ControlException UNKNOWN_APP naming the target and the known apps
     */
    static List<AppStatus> resolve(String target, List<AppStatus> apps) throws ControlException {
        if (ALL.equals(target)) {
            return apps;
        }
        if (isNumber(target)) {
            for (AppStatus a : apps) {
                if (Integer.toString(a.id()).equals(target)) {
                    return List.of(a);
                }
            }
        }
        String app = InstanceExpansion.appName(target);
        if (!app.equals(target)) { // NAME:N
            String instance = InstanceExpansion.nameOf(app, InstanceExpansion.idOf(target));
            for (AppStatus a : apps) {
                if (a.name().equals(instance)) {
                    return List.of(a);
                }
            }
        }
        List<AppStatus> instances = new ArrayList<>();
        for (AppStatus a : apps) {
            if (InstanceExpansion.appName(a.name()).equals(target)) {
                instances.add(a);
            }
        }
        if (!instances.isEmpty()) {
            return instances;
        }
        List<AppStatus> inNamespace = new ArrayList<>();
        for (AppStatus a : apps) {
            if (target.equals(a.spec().namespace())) {
                inNamespace.add(a);
            }
        }
        if (!inNamespace.isEmpty()) {
            return inNamespace;
        }
        throw unknown(target, apps);
    }

    static ControlException unknown(String target, List<AppStatus> apps) {
        StringBuilder known = new StringBuilder();
        for (AppStatus a : apps) {
            known.append(known.length() == 0 ? "" : ", ").append(a.id()).append(':').append(a.name());
        }
        return new ControlException(ErrorCode.UNKNOWN_APP, "no app has the name, id, instance or namespace \"" + target
                + "\"; " + (apps.isEmpty() ? "no apps are registered (start one with `jsup start`)"
                : "known apps: " + known + " (see `jsup list`)"));
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
