package jsup.supervisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listener over TLS with a PKCS12 key store (a test fixture); one server, no daemon. */
class WebServerTlsTest {

    @TempDir
    Path tmp;

    @Test
    void servesHttpsWithAPkcs12StoreAndStillWantsTheToken() throws Exception {
        // A self-signed EC key for 127.0.0.1, valid for 100 years, made once with the JDK's keytool:
        // keytool -genkeypair -alias jsupd -keyalg EC -groupname secp256r1 -dname CN=127.0.0.1
        //   -ext SAN=ip:127.0.0.1 -validity 36500 -storetype PKCS12 -keystore test-web.p12 -storepass changeit
        Path store = tmp.resolve("web.p12");
        try (InputStream in = WebServerTlsTest.class.getResourceAsStream("test-web.p12")) {
            Files.copy(in, store);
        }
        Path pass = tmp.resolve("web.p12.pass");
        Files.writeString(pass, "changeit\n");

        // 0.0.0.0 is acceptable with TLS; the test itself binds loopback only.
        WebSettings.Tls tls = new WebSettings.Tls(store, pass);
        assertThat(new WebSettings(true, 9615, "0.0.0.0", List.of(), List.of(), tls).problems()).isEmpty();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        WebSettings settings = new WebSettings(true, port, "127.0.0.1", List.of(), List.of(), tls);
        WebToken token = WebToken.loadOrCreate(tmp.resolve("web.token"));
        String secret = Files.readString(tmp.resolve("web.token")).trim();
        try (WebServer server = WebServer.start(settings, token, Map.of("/healthz", ex -> Replies.text(ex, 200, "ok")))) {
            assertThat(server.url()).isEqualTo("https://127.0.0.1:" + port);
            SSLContext trusting = trusting(store);
            assertThat(get(server.url() + "/healthz", trusting, null)).isEqualTo(401);
            assertThat(get(server.url() + "/healthz", trusting, secret)).isEqualTo(200);
        }
    }

    private static int get(String url, SSLContext ssl, String bearer) throws IOException {
        HttpsURLConnection c = (HttpsURLConnection) new URL(url).openConnection();
        c.setSSLSocketFactory(ssl.getSocketFactory());
        c.setConnectTimeout(10_000);
        c.setReadTimeout(30_000);
        if (bearer != null) {
            c.setRequestProperty("Authorization", "Bearer " + bearer);
        }
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
        return status;
    }

    /** Trusts exactly the store's own certificate. */
    private static SSLContext trusting(Path store) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, TestTls.PASSWORD);
        }
        return TestTls.trusting(keys);
    }
}
