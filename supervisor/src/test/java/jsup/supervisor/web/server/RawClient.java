package jsup.supervisor.web.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A test's HTTP/1.1 client on a plain socket: writes bytes as given, reads responses (length or chunked). */
final class RawClient implements AutoCloseable {

    record Response(int status, Map<String, String> headers, String body) {
    }

    final Socket socket = new Socket();
    private final InputStream in;

    RawClient(InetSocketAddress address) throws IOException {
        socket.connect(address, 10_000);
        socket.setSoTimeout(20_000);
        in = new BufferedInputStream(socket.getInputStream());
    }

    RawClient send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return this;
    }

    Response read() throws IOException {
        return read(false);
    }

    /** The next response; {@code head}: the request was HEAD, no body follows. */
    Response read(boolean head) throws IOException {
        String status = line();
        if (status == null) {
            throw new IOException("the connection closed before a response");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(); h != null && !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
        }
        int code = Integer.parseInt(status.split(" ")[1]);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (head || code < 200 || code == 204 || code == 304) {
            return new Response(code, headers, "");
        }
        if ("chunked".equals(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(), 16); size > 0; size = Integer.parseInt(line(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
            line();
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else {
            body.write(in.readAllBytes());
        }
        return new Response(code, headers, body.toString(StandardCharsets.UTF_8));
    }

    /** One line without its CRLF; null at the end of the stream. */
    String line() throws IOException {
        StringBuilder s = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                return s.length() == 0 ? null : s.toString();
            }
            if (c != '\r') {
                s.append((char) c);
            }
        }
        return s.toString();
    }

    /** -1 once the server closed the connection. */
    int readByte() throws IOException {
        return in.read();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
