package jsup.supervisor.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The bearer token every non-public route requires, kept in {@code $JSUP_HOME/web.token}. The file
 * is created with mode 0600 in the same call that creates it (never readable by others for a moment)
 * and kept across restarts, so a Prometheus config that holds it stays valid.
 */
public final class WebToken {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final byte[] value;

    private WebToken(String value) {
        this.value = value.getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads the token in {@code file}, or creates the file with a new random token (256 bits, hex). */
    public static WebToken loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String token = HexFormat.of().formatHex(random);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.writeString(file, token + "\n", StandardCharsets.US_ASCII);
                return new WebToken(token);
            } catch (FileAlreadyExistsException e) {
                // Created meanwhile: read it as below.
            }
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + " is not a regular file; remove it and enable the web listener again");
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        if (!OWNER_ONLY.containsAll(mode)) {
            // Others may have read it: a new token is the only safe answer.
            throw new IOException(file + " is readable by others (mode " + PosixFilePermissions.toString(mode)
                    + "); delete it (a new token is made) or chmod 600 it");
        }
        String token = Files.readString(file, StandardCharsets.US_ASCII).trim();
        if (token.length() < 32) {
            throw new IOException(file + " holds no usable token (fewer than 32 characters); delete it and a new "
                    + "one is made");
        }
        return new WebToken(token);
    }

    /** Whether {@code authorization} (the header's value) is {@code Bearer <this token>}; constant time. */
    public boolean accepts(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, value);
    }
}
