package jsup.gateway.lock;

import jsup.healthmon.proc.PortHolder;
import jsup.healthmon.proc.PortOwners;
import jsup.healthmon.proc.ProcFs;

/**
 * The start-up error for a port the gateway cannot bind, naming the process that listens on it
 * ({@code port 18789 on 127.0.0.1 is already in use by pid 4242 (node ... gateway); ...}). The
 * holder comes from healthmon's {@link PortOwners}; another user's process cannot be looked into,
 * so then the message says the holder is not visible.
 */
public final class PortInUse {

    /** A longer command line is cut: the message goes to a log line and a chat reply. */
    static final int MAX_COMMAND = 200;

    private PortInUse() {
    }

    public static String message(ProcFs proc, String host, int port) {
        String holder = new PortOwners(proc).holders(port).stream()
                .filter(PortHolder::pidKnown)
                .findFirst()
                .map(h -> "by pid " + h.pid() + " (" + shorten(h.commandLine()) + ")")
                .orElse("by another process (not visible to this user)");
        return "port " + port + " on " + host + " is already in use " + holder
                + "; another gateway instance may already be running. Stop it, or set gateway.port / --port to a free port.";
    }

    private static String shorten(String command) {
        return command.length() > MAX_COMMAND ? command.substring(0, MAX_COMMAND) + "..." : command;
    }
}
