package jsup.supervisor.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A jsupd that refuses a connection answers with an error line and closes without reading the
 * request. A client whose request comes after that close gets EPIPE on its write; it must still
 * report jsupd's answer (FORBIDDEN, BUSY), not "connection broke", which the CLI reads as "no jsupd
 * runs" and answers by trying to start one.
 */
class ControlClientRefusalTest {

    @TempDir
    Path home;

    @Test
    void aRefusalSentBeforeTheRequestIsReportedAsItsOwnError() throws Exception {
        assertThatThrownBy(() -> refusedCall(ErrorCode.FORBIDDEN, "jsupd runs as alice and serves only that user"))
                .isInstanceOfSatisfying(ControlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
                    assertThat(e.getMessage()).contains("serves only that user");
                });
    }

    @Test
    void aFullHouseIsReportedAsBusy() throws Exception {
        assertThatThrownBy(() -> refusedCall(ErrorCode.BUSY, "jsupd already serves 64 connections"))
                .isInstanceOfSatisfying(ControlException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BUSY));
    }

    /** Connects, lets the fake jsupd answer {@code code} and close, then sends a request. */
    private void refusedCall(ErrorCode code, String message) throws IOException, ControlException {
        Path socket = ControlProtocol.socketPath(home);
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            try (ControlClient client = ControlClient.connect(home)) {
                try (SocketChannel peer = server.accept()) {
                    String line = ControlResponse.failure(null, new ControlException(code, message)).toLine() + "\n";
                    ByteBuffer out = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
                    while (out.hasRemaining()) {
                        peer.write(out);
                    }
                } // closed before the request is written: the client's write fails with EPIPE
                client.ping();
            }
        }
    }
}
