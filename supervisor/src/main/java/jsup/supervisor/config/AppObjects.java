package jsup.supervisor.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the app objects of an ecosystem tree, keyed by their JSON path, in the shapes PM2 accepts: PM2 reads
 * {@code config.apps || config.pm2 || config} and wraps anything that is not an array in one, so {@code apps} (or
 * the legacy {@code pm2}) may hold a list or one app, and the whole file may be a list or one app.
 */
final class AppObjects {

    static final String SHAPES = "use {\"apps\": [{\"script\": \"server.js\"}]}, an array of apps, or one app object";
    private static final List<String> TOP_LEVEL_KEYS = List.of("apps", "pm2", "deploy", "notify");

    private AppObjects() {
    }

    static void collect(JsonNode root, Problems problems, Map<String, ObjectNode> apps) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            problems.error("", "the file is empty; " + SHAPES);
            return;
        }
        if (root.isArray()) {
            collectList(root, "", problems, apps);
        } else if (root.isObject() && (root.has("apps") || root.has("pm2"))) {
            String key = root.has("apps") ? "apps" : "pm2";
            warnTopLevel(root, key, problems);
            JsonNode list = root.get(key);
            if (list.isArray()) {
                collectList(list, key, problems, apps);
            } else if (list.isObject() && !looksLikeAppsByName(list)) {
                apps.put(key, (ObjectNode) list);
            } else if (list.isObject()) {
                problems.error(key, "is an object of apps by name (" + String.join(", ", fieldNames(list))
                        + "), which PM2 does not read either; write a list: \"" + key + "\": [{\"name\": \""
                        + fieldNames(list).get(0) + "\", \"script\": ...}, ...]");
            } else {
                problems.error(key, Values.show(list) + " is not an array of apps; " + SHAPES);
            }
        } else if (root.isObject()) {
            apps.put("", (ObjectNode) root);
        } else {
            problems.error("", Values.show(root) + " is not an ecosystem; " + SHAPES);
        }
    }

    private static void collectList(JsonNode list, String prefix, Problems problems, Map<String, ObjectNode> apps) {
        if (list.isEmpty()) {
            problems.error(prefix, "has no apps; add at least one, e.g. {\"script\": \"server.js\"}");
        }
        for (int i = 0; i < list.size(); i++) {
            String path = prefix + "[" + i + "]";
            if (list.get(i).isObject()) {
                apps.put(path, (ObjectNode) list.get(i));
            } else {
                problems.error(path, Values.show(list.get(i)) + " is not an app object; use {\"script\": ...}");
            }
        }
    }

    private static void warnTopLevel(JsonNode root, String appsKey, Problems problems) {
        root.fieldNames().forEachRemaining(key -> {
            if (key.equals("deploy")) {
                problems.warn(key, "PM2 key jsup ignores: jsup does not deploy");
            } else if (key.equals("pm2") && !appsKey.equals("pm2")) {
                problems.warn(key, "ignored because apps is given (PM2 reads apps first)");
            } else if (!TOP_LEVEL_KEYS.contains(key)) {
                problems.warn(key, KeyCatalog.unknown(key, TOP_LEVEL_KEYS));
            }
        });
    }

    /** {@code {"web": {...}, "api": {...}}}: no script of its own, and every value an object. */
    private static boolean looksLikeAppsByName(JsonNode object) {
        if (object.isEmpty() || object.has("script") || object.has("exec")) {
            return false;
        }
        for (JsonNode value : object) {
            if (!value.isObject()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
