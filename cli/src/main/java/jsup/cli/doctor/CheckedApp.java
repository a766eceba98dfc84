package jsup.cli.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * What doctor checks of one app, read from its configuration in ecosystem form (the {@code config} of
 * jsupd's {@code describe}, or an app of a file written back with {@code AppSpecJson}).
 *
 * @param name        the app's name
 * @param ports       local ports its tcp and http probes point at, one entry per port
 * @param lockGlobs   its {@code clear_stale_locks} globs, absolute
 * @param inotifyWarn its {@code health.inotify_warn}, when it has a health block
 */
public record CheckedApp(String name, List<ConfiguredPort> ports, List<String> lockGlobs, OptionalDouble inotifyWarn) {

    // An IP literal, so that deciding "is this host local" never waits on DNS.
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public CheckedApp {
        ports = List.copyOf(ports);
        lockGlobs = List.copyOf(lockGlobs);
    }

    /** Reads an app config object: {@code name}, {@code cwd}, {@code health.probes}, {@code pre_start}. */
    public static CheckedApp fromConfig(JsonNode config) {
        String name = config.path("name").asText("?");
        Path cwd = Path.of(config.path("cwd").asText("/"));
        Map<Integer, ConfiguredPort> ports = new LinkedHashMap<>();
        JsonNode health = config.path("health");
        for (JsonNode probe : health.path("probes")) {
            ConfiguredPort port = null;
            if (probe.hasNonNull("tcp")) {
                port = tcpPort(probe.path("tcp").asText());
            } else if (probe.hasNonNull("http")) {
                JsonNode http = probe.path("http");
                port = httpPort(http.isObject() ? http.path("url").asText() : http.asText());
            }
            if (port != null) {
                ports.putIfAbsent(port.port(), port);
            }
        }
        List<String> globs = new ArrayList<>();
        for (JsonNode step : config.path("pre_start")) {
            if (step.hasNonNull("clear_stale_locks")) {
                // The loader makes globs absolute; resolve against cwd anyway so a hand-written one works.
                globs.add(cwd.resolve(step.path("clear_stale_locks").asText()).toString());
            }
        }
        OptionalDouble warn = health.path("inotify_warn").isNumber()
                ? OptionalDouble.of(health.path("inotify_warn").asDouble()) : OptionalDouble.empty();
        return new CheckedApp(name, new ArrayList<>(ports.values()), globs, warn);
    }

    /** {@code 127.0.0.1:18789} or {@code [::1]:18789}; null when the host is not this machine. */
    static ConfiguredPort tcpPort(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            return null;
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(hostPort.substring(colon + 1));
            return isLocal(host) ? new ConfiguredPort(port, "tcp " + hostPort) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The port of an http(s) URL on this machine (80/443 when the URL has none); null otherwise. */
    static ConfiguredPort httpPort(String url) {
        try {
            URI uri = URI.create(url);
            String host = uri.getHost();
            if (host == null || !isLocal(host.startsWith("[") ? host.substring(1, host.length() - 1) : host)) {
                return null;
            }
            int port = uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return new ConfiguredPort(port, "http " + url);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * {@code localhost}, a loopback or wildcard address, or an address of one of this machine's
     * interfaces. Other host names are not looked up: a remote port is not ours to check.
     */
    static boolean isLocal(String host) {
        if (host.toLowerCase(Locale.ROOT).equals("localhost")) {
            return true;
        }
        if (!IPV4.matcher(host).matches() && !host.contains(":")) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            return address.isLoopbackAddress() || address.isAnyLocalAddress()
                    || NetworkInterface.getByInetAddress(address) != null;
        } catch (UnknownHostException | SocketException e) {
            return false;
        }
    }
}
