package jsup.supervisor.web;

import java.util.List;
import java.util.Locale;

/**
 * Refuses requests whose {@code Host} header names a host jsupd did not agree to be (DNS rebinding:
 * a page from an attacker's domain that resolves to 127.0.0.1 sends its own domain as the Host).
 * Accepted: an IP literal ({@code 127.0.0.1}, {@code [::1]}, any address: rebinding always goes
 * through a name), {@code localhost}, and the names of the {@code hosts} setting, each with the
 * listener's port or none.
 */
public final class HostCheck {

    private final int port;
    private final List<String> names;

    public HostCheck(int port, List<String> extraNames) {
        this.port = port;
        this.names = extraNames.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    public boolean accepts(String host) {
        if (host == null || host.isBlank()) {
            return false; // HTTP/1.1 requires it; a client that leaves it out is not a browser we must trust
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        String name;
        String portText = null;
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            if (close < 0) {
                return false;
            }
            name = h.substring(1, close);
            if (close + 1 < h.length()) {
                if (h.charAt(close + 1) != ':') {
                    return false;
                }
                portText = h.substring(close + 2);
            }
            if (!name.matches("[0-9a-f:.]+")) {
                return false;
            }
        } else {
            int colon = h.lastIndexOf(':');
            name = colon < 0 ? h : h.substring(0, colon);
            portText = colon < 0 ? null : h.substring(colon + 1);
            if (!isIpv4(name) && !name.equals("localhost") && !names.contains(name)) {
                return false;
            }
        }
        return portText == null || portText.equals(Integer.toString(port));
    }

    private static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }
}
