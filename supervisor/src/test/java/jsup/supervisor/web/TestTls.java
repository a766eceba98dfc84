package jsup.supervisor.web;

import java.io.InputStream;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The self-signed key store of test-web.p12 (see WebServerTlsTest) and a client context trusting it. */
public final class TestTls {

    public static final char[] PASSWORD = "changeit".toCharArray();

    private TestTls() {
    }

    public static KeyStore store() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = TestTls.class.getResourceAsStream("test-web.p12")) {
            keys.load(in, PASSWORD);
        }
        return keys;
    }

    /** Trusts exactly the store's own certificate. */
    public static SSLContext trusting(KeyStore keys) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("jsupd", (X509Certificate) keys.getCertificate("jsupd"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }
}
