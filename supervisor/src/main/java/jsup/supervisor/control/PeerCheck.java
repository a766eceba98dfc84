package jsup.supervisor.control;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import jsup.supervisor.files.ProcessUser;

/**
 * Who may talk to jsupd: the user it runs as, and root. The socket's mode (0600) already keeps other
 * users out; this holds even when that mode was widened or the socket reached some other way. The
 * peer's uid comes from the kernel ({@code SO_PEERCRED}), as of its {@code connect}.
 */
final class PeerCheck {

    private final ProcessUser allowed;

    PeerCheck(ProcessUser allowed) {
        this.allowed = allowed;
    }

    /** Why this peer is refused, or empty when it may send requests. */
    Optional<String> refusal(SocketChannel peer) {
        UnixDomainPrincipal who;
        try {
            who = peer.getOption(ExtendedSocketOptions.SO_PEERCRED);
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("jsupd cannot tell which user connected (" + e + "), so it serves no one there");
        }
        if (allowed.isSelfOrRoot(who.user())) {
            return Optional.empty();
        }
        return Optional.of("jsupd runs as " + allowed.self().getName() + " and serves only that user and root, not "
                + who.user().getName() + "; run jsup as " + allowed.self().getName()
                + ", or start your own jsupd with JSUP_HOME set to a folder of yours");
    }
}
