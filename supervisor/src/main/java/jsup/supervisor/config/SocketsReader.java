package jsup.supervisor.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code sockets}: a list of {@code {"name": "http", "listen": "127.0.0.1:8080"}}. {@code listen} is an IP
 * address and port, or a Unix socket path (absolute, {@code ~/}, {@code ./} relative to the cwd, or any of these
 * after {@code unix:}). Names follow systemd's {@code FileDescriptorName=}: printable ASCII without {@code :}.
 */
final class SocketsReader {

    static final List<String> SOCKET_KEYS = List.of("name", "listen");
    /** sockaddr_un's sun_path holds 108 bytes with the closing NUL. */
    static final int MAX_UNIX_PATH_BYTES = 107;
    private static final String LISTEN_EXAMPLE = "use \"127.0.0.1:8080\", \"0.0.0.0:8080\", \"[::1]:8080\" or a "
            + "socket path such as \"/run/app.sock\"";
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    private static final Pattern NAME = Pattern.compile("[\\x21-\\x7e&&[^:]]{1,255}");

    private final HostPaths host;

    SocketsReader(HostPaths host) {
        this.host = host;
    }

    /** The sockets in file order; empty when there is no {@code sockets} key or a value is bad (recorded). */
    List<SocketSpec> read(Fields f, String appName, Path cwd) {
        JsonNode value = f.take("sockets");
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            f.bad("sockets", value, "is not a list; use [{\"name\": \"http\", \"listen\": \"127.0.0.1:8080\"}]");
            return List.of();
        }
        List<SocketSpec> sockets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        boolean ok = true;
        for (int i = 0; i < value.size(); i++) {
            String path = f.path("sockets") + "[" + i + "]";
            JsonNode entry = value.get(i);
            if (!entry.isObject()) {
                f.problems().error(path, Values.show(entry) + " is not an object; use {\"name\": \"http\", "
                        + "\"listen\": \"127.0.0.1:8080\"}");
                ok = false;
                continue;
            }
            SocketSpec socket = readOne(entry, path, appName, cwd, f.problems());
            if (socket == null) {
                ok = false;
            } else if (!names.add(socket.name())) {
                f.problems().error(path + ".name", Values.quote(socket.name()) + " is used by another socket of "
                        + "this app; give each socket its own name");
                ok = false;
            } else if (!addresses.add(socket.listen().text()) && !isEphemeral(socket.listen())) {
                f.problems().error(path + ".listen", Values.quote(socket.listen().text()) + " is listed twice; "
                        + "remove one");
                ok = false;
            } else {
                sockets.add(socket);
            }
        }
        return ok ? sockets : List.of();
    }

    private SocketSpec readOne(JsonNode entry, String path, String appName, Path cwd, Problems problems) {
        entry.fieldNames().forEachRemaining(key -> {
            if (!SOCKET_KEYS.contains(key)) {
                problems.warn(path + "." + key, KeyCatalog.unknown(key, SOCKET_KEYS));
            }
        });
        JsonNode nameNode = entry.get("name");
        String name = appName;
        if (nameNode != null && !nameNode.isNull()) {
            if (!nameNode.isTextual() || !NAME.matcher(nameNode.textValue()).matches()) {
                problems.error(path + ".name", Values.show(nameNode) + " is not a socket name; use 1-255 "
                        + "printable ASCII characters without spaces or \":\", e.g. \"http\"");
                return null;
            }
            name = nameNode.textValue();
        }
        JsonNode listenNode = entry.get("listen");
        if (listenNode == null || listenNode.isNull()) {
            problems.error(path + ".listen", "is missing; " + LISTEN_EXAMPLE);
            return null;
        }
        if (!listenNode.isTextual() || listenNode.textValue().isBlank()) {
            problems.error(path + ".listen", Values.show(listenNode) + " is not an address; " + LISTEN_EXAMPLE);
            return null;
        }
        String problem = null;
        SocketSpec.Listen listen = null;
        String text = listenNode.textValue().strip();
        try {
            listen = parse(text, cwd);
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        if (listen == null) {
            problems.error(path + ".listen", Values.quote(text) + " " + problem);
            return null;
        }
        return name == null ? null : new SocketSpec(name, listen);
    }

    /** The address of {@code listen}; throws with what is wrong (after the quoted value) and what would do. */
    SocketSpec.Listen parse(String text, Path cwd) {
        String rest = text.startsWith("unix:") ? text.substring("unix:".length()) : text;
        if (text.startsWith("unix:") || rest.startsWith("/") || rest.startsWith("~") || rest.startsWith(".")) {
            Path path = host.resolve(cwd, rest);
            int bytes = path.toString().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_UNIX_PATH_BYTES) {
                throw new IllegalArgumentException("is " + bytes + " bytes as a path (" + path + "), longer than a "
                        + "socket address allows (" + MAX_UNIX_PATH_BYTES + "); use a shorter path");
            }
            return new SocketSpec.Unix(path);
        }
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("has no port; " + LISTEN_EXAMPLE);
        }
        String hostText = text.substring(0, colon);
        String portText = text.substring(colon + 1);
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("has no port from 0 to 65535 after the last \":\"; " + LISTEN_EXAMPLE);
        }
        String address;
        if (hostText.startsWith("[") && hostText.endsWith("]") && IPV6.matcher(hostText.substring(1,
                hostText.length() - 1)).matches()) {
            address = hostText.substring(1, hostText.length() - 1);
            try {
                address = java.net.InetAddress.getByName(address).getHostAddress(); // a literal: no lookup
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException("has no valid IPv6 address in the brackets; " + LISTEN_EXAMPLE);
            }
        } else if (hostText.equals("localhost")) {
            address = "127.0.0.1";
        } else if (IPV4.matcher(hostText).matches()) {
            address = hostText;
        } else {
            throw new IllegalArgumentException("has no IP address before the port (jsup binds addresses, not "
                    + "host names; an IPv6 address goes in brackets); " + LISTEN_EXAMPLE);
        }
        return new SocketSpec.Tcp(address, port);
    }

    private static boolean isEphemeral(SocketSpec.Listen listen) {
        return listen instanceof SocketSpec.Tcp tcp && tcp.port() == 0;
    }
}
