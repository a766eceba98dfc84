package jsup.supervisor.web.server;

import com.sun.net.httpserver.Headers;
import java.net.URI;

/** A parsed request line and its headers. {@code version} is {@code HTTP/1.1} or {@code HTTP/1.0}. */
record RequestHead(String method, URI uri, String version, Headers headers) {

    boolean http10() {
        return "HTTP/1.0".equals(version);
    }

    /** The client asked to close after this exchange ({@code Connection: close}, or HTTP/1.0 without keep-alive). */
    boolean wantsClose() {
        String c = headers.getFirst("Connection");
        boolean close = c != null && c.toLowerCase(java.util.Locale.ROOT).contains("close");
        boolean keepAlive = c != null && c.toLowerCase(java.util.Locale.ROOT).contains("keep-alive");
        return close || (http10() && !keepAlive);
    }

    boolean expectsContinue() {
        String e = headers.getFirst("Expect");
        return e != null && e.equalsIgnoreCase("100-continue") && !http10();
    }
}
