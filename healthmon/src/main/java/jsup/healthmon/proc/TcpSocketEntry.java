package jsup.healthmon.proc;

import java.net.InetAddress;

/**
 * One row of {@code /proc/net/tcp} or {@code /proc/net/tcp6}.
 *
 * @param localAddress  the local address (IPv4-mapped IPv6 addresses come out as IPv4)
 * @param localPort     the local port
 * @param remoteAddress the peer address ({@code 0.0.0.0} or {@code ::} for a listener)
 * @param remotePort    the peer port (0 for a listener)
 * @param state         the kernel's TCP state number: {@link #ESTABLISHED} = 0x01, {@link #LISTEN} = 0x0A
 * @param inode         the socket's inode, matching {@code socket:[inode]} fd links; 0 while a
 *                      connection waits in a listener's accept queue or after its owner closed it
 */
public record TcpSocketEntry(InetAddress localAddress, int localPort, InetAddress remoteAddress, int remotePort,
                             int state, long inode) {

    public static final int ESTABLISHED = 0x01;
    public static final int LISTEN = 0x0A;

    public boolean isListening() {
        return state == LISTEN;
    }

    /** {@code 127.0.0.1:18789} or {@code [::1]:18789}. */
    public String localEndpoint() {
        String host = localAddress.getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + localPort;
    }
}
