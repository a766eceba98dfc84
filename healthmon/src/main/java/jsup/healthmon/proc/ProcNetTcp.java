package jsup.healthmon.proc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the kernel's TCP socket tables, {@code /proc/net/tcp} and {@code /proc/net/tcp6}. Each
 * address is hex: the IP as 32-bit words in host (little-endian) byte order, the port big-endian.
 */
public final class ProcNetTcp {

    private final ProcFs procFs;

    public ProcNetTcp(ProcFs procFs) {
        this.procFs = procFs;
    }

    /** Every row of both tables; a missing table (no IPv6) is skipped. */
    public List<TcpSocketEntry> entries() {
        List<TcpSocketEntry> all = new ArrayList<>();
        all.addAll(read(procFs.file("net/tcp")));
        all.addAll(read(procFs.file("net/tcp6")));
        return all;
    }

    /** The listening sockets (state 0A) of both tables. */
    public List<TcpSocketEntry> listeners() {
        List<TcpSocketEntry> listening = new ArrayList<>();
        for (TcpSocketEntry e : entries()) {
            if (e.isListening()) {
                listening.add(e);
            }
        }
        return listening;
    }

    private static List<TcpSocketEntry> read(Path table) {
        try {
            return parse(Files.readString(table, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Parses a whole table (header line first); malformed rows are skipped. */
    public static List<TcpSocketEntry> parse(String table) {
        List<TcpSocketEntry> rows = new ArrayList<>();
        String[] lines = table.split("\n");
        for (int i = 1; i < lines.length; i++) {
            TcpSocketEntry row = parseLine(lines[i]);
            if (row != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * Parses one row such as
     * {@code 0: 0100007F:4965 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 1593 1 ...}.
     *
     * @return the row, or {@code null} when it is malformed
     */
    public static TcpSocketEntry parseLine(String line) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 10) {
            return null;
        }
        try {
            String[] local = f[1].split(":");
            String[] remote = f[2].split(":");
            return new TcpSocketEntry(address(local[0]), Integer.parseInt(local[1], 16),
                    address(remote[0]), Integer.parseInt(remote[1], 16),
                    Integer.parseInt(f[3], 16), Long.parseLong(f[9]));
        } catch (RuntimeException | UnknownHostException e) {
            return null;
        }
    }

    /** Decodes 8 (IPv4) or 32 (IPv6) hex digits written as little-endian 32-bit words. */
    static InetAddress address(String hex) throws UnknownHostException {
        if (hex.length() != 8 && hex.length() != 32) {
            throw new UnknownHostException("not a /proc/net/tcp address: " + hex);
        }
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return InetAddress.getByAddress(bytes);
    }
}
