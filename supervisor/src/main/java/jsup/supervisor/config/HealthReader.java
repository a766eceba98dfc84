package jsup.supervisor.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jsup.healthmon.HealthAction;
import jsup.healthmon.HealthSpec;
import jsup.healthmon.ProbeSpec;

/**
 * Reads an app's {@code health} block into a {@link HealthSpec}; defaults come from {@link HealthSpec#withDefaults}
 * only. Probes may sit directly in the block ({@code "tcp": "127.0.0.1:18789"}) or in a {@code probes} list; a
 * block with no probe is accepted only when it sets {@code inotify_warn}, which then is all it watches.
 */
final class HealthReader {

    private HealthReader() {
    }

    /** {@code null} when the block is bad (problems recorded). */
    static HealthSpec read(JsonNode block, String path, Duration appMinUptime, Problems problems) {
        if (!block.isObject()) {
            problems.error(path, Values.show(block) + " is not an object; use {\"tcp\": \"127.0.0.1:8080\", "
                    + "\"interval\": \"30s\"} or similar");
            return null;
        }
        int errorsBefore = problems.errorCount();
        Fields f = new Fields((ObjectNode) block, path, problems);
        List<ProbeSpec> probes = new ArrayList<>();
        readProbes(f, probes);
        JsonNode list = f.take("probes");
        if (list != null) {
            if (!list.isArray()) {
                f.bad("probes", list, "is not an array; use [{\"tcp\": \"host:port\"}, {\"http\": \"http://...\"}]");
            } else {
                for (int i = 0; i < list.size(); i++) {
                    String probePath = f.path("probes") + "[" + i + "]";
                    JsonNode entry = list.get(i);
                    if (!entry.isObject()) {
                        problems.error(probePath, Values.show(entry) + " is not a probe; use {\"tcp\": ...}, "
                                + "{\"http\": ...} or {\"exec\": ...}");
                        continue;
                    }
                    Fields probe = new Fields((ObjectNode) entry, probePath, problems);
                    int found = readProbes(probe, probes);
                    if (found != 1) {
                        problems.error(probePath, found == 0 ? "has no probe; give one of tcp, http, exec"
                                : "has " + found + " probes; give exactly one of tcp, http, exec per entry");
                    }
                    probe.warnUnused(KeyCatalog.PROBE_KEYS, false);
                }
            }
        }
        Duration interval = f.optionalDuration("interval");
        Duration timeout = f.optionalDuration("timeout");
        if (interval != null && interval.isZero()) {
            f.error("interval", "is 0; use a positive duration such as \"30s\"");
        }
        if (timeout != null && timeout.isZero()) {
            f.error("timeout", "is 0; use a positive duration such as \"5s\"");
        }
        Integer failures = f.optionalInteger("failures", 1, Integer.MAX_VALUE);
        Duration initialDelay = f.optionalDuration("initial_delay");
        HealthAction action = readAction(f);
        f.take("ready"); // read by ReadinessReader: it is about the app's readiness, not the probes
        Double inotifyWarn = readRatio(f);
        f.warnUnused(KeyCatalog.HEALTH_KEYS, false);
        if (probes.isEmpty() && inotifyWarn == null && problems.errorCount() == errorsBefore) {
            problems.error(path, "has no probe; add \"tcp\", \"http\" or \"exec\" (or only \"inotify_warn\" "
                    + "to watch inotify usage alone)");
        }
        if (problems.errorCount() > errorsBefore) {
            return null;
        }
        return HealthSpec.withDefaults(probes, interval, timeout, failures, initialDelay, action, inotifyWarn,
                appMinUptime);
    }

    /** Reads tcp, http and exec from one object; returns how many were present. */
    private static int readProbes(Fields f, List<ProbeSpec> probes) {
        int found = 0;
        JsonNode tcp = f.take("tcp");
        if (tcp != null) {
            found++;
            ProbeSpec probe = tcp(f, tcp);
            if (probe != null) {
                probes.add(probe);
            }
        }
        JsonNode http = f.take("http");
        if (http != null) {
            found++;
            ProbeSpec probe = http(f, http);
            if (probe != null) {
                probes.add(probe);
            }
        }
        JsonNode exec = f.take("exec");
        if (exec != null) {
            found++;
            List<String> command = f.words("exec", exec);
            if (command != null && command.isEmpty()) {
                f.error("exec", "is empty; give the command to run, e.g. \"curl -fsS http://127.0.0.1:8080/\"");
            } else if (command != null) {
                probes.add(new ProbeSpec.Exec(command));
            }
        }
        return found;
    }

    private static ProbeSpec tcp(Fields f, JsonNode value) {
        String accepted = "use \"host:port\", e.g. \"127.0.0.1:18789\" or \"[::1]:8080\"";
        if (!value.isTextual()) {
            f.bad("tcp", value, "is not a string; " + accepted);
            return null;
        }
        String text = value.textValue().strip();
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? "" : text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty() || (host.contains(":") && !text.startsWith("["))) {
            f.bad("tcp", value, "is not host:port; " + accepted);
            return null;
        }
        String port = text.substring(colon + 1);
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number < 1 || number > 65535) {
            f.bad("tcp", value, "has no valid port (1-65535); " + accepted);
            return null;
        }
        return new ProbeSpec.Tcp(host, number);
    }

    private static ProbeSpec http(Fields f, JsonNode value) {
        if (value.isTextual()) {
            URI url = url(f, "http", value);
            return url == null ? null : new ProbeSpec.Http(url, Set.of(), null);
        }
        if (!value.isObject()) {
            f.bad("http", value, "is not a URL or an object; use \"http://127.0.0.1:8080/health\" or "
                    + "{\"url\": \"...\", \"status\": [200], \"body_contains\": \"ok\"}");
            return null;
        }
        Fields h = new Fields((ObjectNode) value, f.path("http"), f.problems());
        JsonNode urlNode = h.take("url");
        URI url = null;
        if (urlNode == null) {
            h.problems().error(h.path("url"), "is missing; give the URL to GET, e.g. \"http://127.0.0.1:8080/health\"");
        } else {
            url = url(h, "url", urlNode);
        }
        Set<Integer> statuses = new LinkedHashSet<>();
        JsonNode status = h.take("status");
        boolean statusOk = true;
        if (status != null) {
            List<JsonNode> codes = new ArrayList<>();
            if (status.isArray()) {
                status.forEach(codes::add);
            } else {
                codes.add(status);
            }
            for (JsonNode code : codes) {
                Integer number = h.integer("status", code, 100, 599);
                if (number == null) {
                    statusOk = false;
                } else {
                    statuses.add(number);
                }
            }
        }
        String bodyContains = h.text("body_contains");
        h.warnUnused(KeyCatalog.HTTP_KEYS, false);
        return url == null || !statusOk ? null : new ProbeSpec.Http(url, statuses, bodyContains);
    }

    private static URI url(Fields f, String key, JsonNode value) {
        String accepted = "use an http:// or https:// URL such as \"http://127.0.0.1:8080/health\"";
        if (!value.isTextual()) {
            f.bad(key, value, "is not a URL; " + accepted);
            return null;
        }
        try {
            URI url = new URI(value.textValue().strip());
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below with the accepted form
        }
        f.bad(key, value, "is not an http(s) URL with a host; " + accepted);
        return null;
    }

    private static HealthAction readAction(Fields f) {
        JsonNode value = f.take("action");
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            switch (value.textValue().strip().toLowerCase(Locale.ROOT)) {
                case "restart":
                    return HealthAction.RESTART;
                case "log":
                    return HealthAction.LOG;
                default:
                    break;
            }
        }
        f.bad("action", value, "is not an action; use \"restart\" or \"log\"");
        return null;
    }

    private static Double readRatio(Fields f) {
        JsonNode value = f.take("inotify_warn");
        if (value == null) {
            return null;
        }
        if (value.isNumber() && value.doubleValue() > 0 && value.doubleValue() <= 1) {
            return value.doubleValue();
        }
        f.bad("inotify_warn", value, "is not a ratio; use a number above 0 and at most 1, e.g. 0.8");
        return null;
    }
}
