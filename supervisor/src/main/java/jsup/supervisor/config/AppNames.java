package jsup.supervisor.config;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an app name (and a namespace) may be. A name becomes part of file names ({@code <name>-out.log}, whose
 * rotated copies add {@code __2026-11-28_11-00-00-1.log.gz.tmp}; Linux allows 255 bytes per file name) and is typed
 * on the command line, where {@code all}, ids and namespaces are targets too.
 */
final class AppNames {

    /** Leaves room in a 255-byte file name for {@code -error}, the rotation suffix and {@code .log.gz.tmp}. */
    static final int MAX_BYTES = 128;
    static final String DEFAULT_NAMESPACE = "default";
    /** What the messages offer instead. */
    static final String ALLOWED = "a name may hold letters, digits, spaces and punctuation except /, up to " + MAX_BYTES + " bytes";

    private AppNames() {
    }

    /** Why {@code name} cannot be an app name, or {@code null}. */
    static String nameProblem(String name) {
        if (name.contains("/") || name.chars().anyMatch(Character::isISOControl)) {
            return "cannot be a name: it is used in log file names, so no / or control characters; " + ALLOWED;
        }
        if (name.equals(".") || name.equals("..")) {
            return "cannot be a name: it means a folder in file names; " + ALLOWED;
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return "is " + bytes + " bytes long; it is used in log file names, so use at most " + MAX_BYTES;
        }
        String target = targetProblem(name, "name");
        if (target != null) {
            return target;
        }
        if (!InstanceExpansion.appName(name).equals(name)) {
            return "cannot be a name: NAME:N means instance N of the app NAME on the command line; "
                    + "drop the :" + InstanceExpansion.idOf(name) + " or use another separator";
        }
        if (name.equals(DEFAULT_NAMESPACE)) {
            return "cannot be a name: \"default\" is the namespace of every app without one, so `jsup stop default` "
                    + "would be ambiguous; choose another name";
        }
        return null;
    }

    /** Why {@code namespace} cannot be a namespace, or {@code null}. */
    static String namespaceProblem(String namespace) {
        return targetProblem(namespace, "namespace");
    }

    /**
     * An app whose name is the namespace of other apps: on the command line the name wins, so the namespace could
     * no longer be stopped or restarted as a group. (An app alone in a namespace of its own name is fine.)
     *
     * @param namePaths each app's name and the path of its object
     */
    static void checkNamespaces(Map<String, String> namePaths, List<AppSpec> apps, Problems problems) {
        Map<String, String> othersByNamespace = new LinkedHashMap<>();
        for (AppSpec app : apps) {
            if (!app.name().equals(app.namespace()) && namePaths.containsKey(app.namespace())) {
                othersByNamespace.putIfAbsent(app.namespace(), app.name());
            }
        }
        othersByNamespace.forEach((namespace, member) -> problems.error(Problems.join(namePaths.get(namespace), "name"),
                Values.quote(namespace) + " is also the namespace of " + member + "; a name and a namespace must "
                        + "differ, or `jsup restart " + namespace + "` could not mean both"));
    }

    /** Command-line targets are tried as {@code all}, then an id, then a name, then a namespace. */
    private static String targetProblem(String value, String what) {
        if (value.equals("all")) {
            return "cannot be a " + what + ": \"all\" means every app on the command line";
        }
        if (value.chars().allMatch(Character::isDigit)) {
            return "cannot be a " + what + ": numbers are app ids on the command line; add a letter";
        }
        return null;
    }
}
