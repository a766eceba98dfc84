package jsup.supervisor.notify;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A dead sink: a port on 127.0.0.1 that accepts connections and never answers a byte. */
public final class SilentPort implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    public SilentPort() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    accepted.add(server.accept());
                } catch (IOException e) {
                    return;
                }
            }
        }, "silent-port");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections accepted and not yet closed by the client. */
    public long openConnections() {
        return accepted.stream().filter(s -> {
            try {
                s.setSoTimeout(1);
                return s.getInputStream().read() != -1;
            } catch (java.net.SocketTimeoutException e) {
                return true; // still open, nothing to read
            } catch (IOException e) {
                return false;
            }
        }).count();
    }

    public int accepted() {
        return accepted.size();
    }

    /** A port nothing listens on: connections are refused. */
    public static int refusedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : accepted) {
            s.close();
        }
    }
}
