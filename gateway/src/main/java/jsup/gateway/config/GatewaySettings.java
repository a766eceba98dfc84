package jsup.gateway.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import jsup.gateway.logging.Secrets;

/**
 * The {@code gateway} section.
 *
 * @param port      the HTTP port ({@code 0} picks a free one, for tests)
 * @param bindHost  the IP address to listen on, already resolved from {@code gateway.bind}
 * @param authToken the token every HTTP request must carry, or null; a secret
 * @param history   how much chat history is kept in memory ({@code gateway.history})
 */
public record GatewaySettings(int port, String bindHost, String authToken, HistoryBounds history) {

    public static final int DEFAULT_PORT = 18789;
    public static final String LOOPBACK = "127.0.0.1";

    public GatewaySettings(int port, String bindHost, String authToken) {
        this(port, bindHost, authToken, HistoryBounds.DEFAULTS);
    }

    public static GatewaySettings defaults() {
        return new GatewaySettings(DEFAULT_PORT, LOOPBACK, null);
    }

    public boolean hasToken() {
        return authToken != null && !authToken.isEmpty();
    }

    public boolean isLoopback() {
        try {
            return InetAddress.getByName(bindHost).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public GatewaySettings withPort(int newPort) {
        return new GatewaySettings(newPort, bindHost, authToken, history);
    }

    @Override
    public String toString() {
        return "GatewaySettings[port=" + port + ", bindHost=" + bindHost + ", authToken=" + Secrets.describe(authToken) + ", history=" + history + "]";
    }
}
