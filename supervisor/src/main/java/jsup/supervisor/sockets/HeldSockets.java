package jsup.supervisor.sockets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jsup.healthmon.proc.ProcFs;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.config.SocketSpec;

/**
 * The listening sockets jsupd holds, per app. A socket is bound when a run of the app first needs it and kept
 * across every restart, so connections that arrive while no run accepts wait in the kernel's backlog; it is
 * closed when the app is deleted or its definition no longer lists it. Thread-safe: launches run on several
 * threads.
 */
public final class HeldSockets implements AutoCloseable {

    private final SocketBinder binder;
    private final Map<String, List<HeldSocket>> byApp = new HashMap<>();

    public HeldSockets(ProcFs procFs) {
        this.binder = new SocketBinder(procFs);
    }

    /**
     * The sockets for a run of {@code spec}: those already held and still listed are kept, those no longer listed
     * closed, the missing ones bound. A socket that cannot be bound fails the run; what was bound stays held.
     *
     * @throws IOException naming the address, why it cannot be bound and how to fix it
     */
    public synchronized SocketHandover handover(AppSpec spec) throws IOException {
        if (spec.sockets().isEmpty()) {
            release(spec.name());
            return SocketHandover.NONE;
        }
        retain(spec);
        List<HeldSocket> held = byApp.computeIfAbsent(spec.name(), k -> new ArrayList<>());
        List<HeldSocket> ordered = new ArrayList<>();
        for (SocketSpec wanted : spec.sockets()) {
            HeldSocket socket = held.stream().filter(h -> h.serves(wanted)).findFirst().orElse(null);
            if (socket == null) {
                checkNotHeldElsewhere(spec.name(), wanted);
                socket = binder.bind(spec.name(), wanted);
                held.add(socket);
            }
            socket.resetForNextRun();
            ordered.add(socket);
        }
        byApp.put(spec.name(), ordered); // the same sockets, in the order the run gets them
        return new SocketHandover(ordered.stream().map(HeldSocket::fd).toList(),
                ordered.stream().map(HeldSocket::name).toList());
    }

    /** Closes the app's sockets that {@code spec} no longer lists (a changed definition); binds nothing. */
    public synchronized void retain(AppSpec spec) {
        List<HeldSocket> held = byApp.get(spec.name());
        if (held == null) {
            return;
        }
        held.removeIf(h -> {
            boolean dropped = spec.sockets().stream().noneMatch(h::serves);
            if (dropped) {
                h.close();
            }
            return dropped;
        });
        if (held.isEmpty()) {
            byApp.remove(spec.name());
        }
    }

    /** Closes every socket of {@code app} (deleted). */
    public synchronized void release(String app) {
        List<HeldSocket> held = byApp.remove(app);
        if (held != null) {
            held.forEach(HeldSocket::close);
        }
    }

    /** What {@code app} holds now, in the order its last run got them (fds 3, 4, ...); empty before its first run. */
    public synchronized List<HeldSocket> held(String app) {
        return List.copyOf(byApp.getOrDefault(app, List.of()));
    }

    /** Closes every socket (jsupd shutting down). */
    @Override
    public synchronized void close() {
        byApp.values().forEach(list -> list.forEach(HeldSocket::close));
        byApp.clear();
    }

    /** Two apps asking for one address would otherwise see jsupd itself named as the port's holder. */
    private void checkNotHeldElsewhere(String app, SocketSpec wanted) throws IOException {
        for (Map.Entry<String, List<HeldSocket>> e : byApp.entrySet()) {
            if (e.getKey().equals(app)) {
                continue;
            }
            for (HeldSocket other : e.getValue()) {
                if (!isEphemeral(wanted) && other.bound().equals(wanted.listen().text())) {
                    throw new IOException("cannot listen on " + wanted.listen().text() + " (socket \""
                            + wanted.name() + "\" of " + app + "): jsup already holds it for app " + e.getKey()
                            + "; give one of them another address, or delete " + e.getKey());
                }
            }
        }
    }

    private static boolean isEphemeral(SocketSpec spec) {
        return spec.listen() instanceof SocketSpec.Tcp tcp && tcp.port() == 0;
    }
}
