package jsup.supervisor.files;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;

/**
 * jsupd's own user, and root: the only owners whose files jsupd acts on and whose connections its
 * control socket accepts. Principals compare by uid (a numeric name looks up that uid even without a
 * passwd entry, as in a container).
 */
public final class ProcessUser {

    private static final ProcessUser CURRENT = load();

    private final UserPrincipal self;
    private final UserPrincipal root;

    ProcessUser(UserPrincipal self, UserPrincipal root) {
        this.self = self;
        this.root = root;
    }

    /** This JVM's user (its real uid). */
    public static ProcessUser current() {
        return CURRENT;
    }

    /** jsupd's own user. */
    public UserPrincipal self() {
        return self;
    }

    /** True for jsupd's own user or root. */
    public boolean isSelfOrRoot(UserPrincipal user) {
        return self.equals(user) || root.equals(user);
    }

    private static ProcessUser load() {
        UserPrincipalLookupService users = FileSystems.getDefault().getUserPrincipalLookupService();
        return new ProcessUser(byName(users, System.getProperty("user.name"), new UnixSystem().getUid()),
                byName(users, "root", 0));
    }

    /** The user by name (for messages), when that name is this uid; else by number. */
    private static UserPrincipal byName(UserPrincipalLookupService users, String name, long uid) {
        try {
            UserPrincipal numeric = users.lookupPrincipalByName(Long.toString(uid));
            try {
                UserPrincipal named = users.lookupPrincipalByName(name);
                return named.equals(numeric) ? named : numeric;
            } catch (IOException e) {
                return numeric;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look up uid " + uid, e);
        }
    }
}
