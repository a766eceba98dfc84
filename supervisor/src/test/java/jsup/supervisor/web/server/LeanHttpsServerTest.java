package jsup.supervisor.web.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import jsup.supervisor.web.TestTls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server over TLS with the self-signed key of test-web.p12 (see WebServerTlsTest), on 127.0.0.1. */
class LeanHttpsServerTest {

    private static final ServerLimits FAST = new ServerLimits(4, 4_000, 3_000, 2_000, 10_000, 5_000, 8_192, 16_384, 100);

    private LeanHttpsServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void servesOverTlsAndCutsAStalledHandshakeWhileServingAnother() throws Exception {
        KeyStore store = TestTls.store();
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, TestTls.PASSWORD);
        SSLContext serverSide = SSLContext.getInstance("TLS");
        serverSide.init(keys.getKeyManagers(), null, null);
        server = LeanHttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8, FAST);
        server.setHttpsConfigurator(new HttpsConfigurator(serverSide));
        server.createContext("/", ex -> {
            byte[] body = ((HttpsExchange) ex).getSSLSession().getProtocol().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        InetSocketAddress a = server.getAddress();

        try (Socket stalled = new Socket()) {
            stalled.connect(a);
            stalled.getOutputStream().write(0x16); // the first byte of a ClientHello, and no more
            stalled.getOutputStream().flush();
            try (SSLSocket tls = (SSLSocket) TestTls.trusting(store).getSocketFactory()
                    .createSocket(a.getAddress(), a.getPort())) {
                tls.setSoTimeout(20_000);
                tls.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                tls.getOutputStream().flush();
                BufferedReader r = new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.UTF_8));
                assertThat(r.readLine()).isEqualTo("HTTP/1.1 200 OK");
                String line;
                String last = null;
                while ((line = r.readLine()) != null) {
                    last = line;
                }
                assertThat(last).startsWith("TLSv1.");
            }
            stalled.setSoTimeout(20_000);
            assertThat(stalled.getInputStream().read()).isEqualTo(-1); // cut by the handshake's deadline
        }
    }
}
