package jsup.healthmon.proc;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code /proc} could not be read (too many open files, no permission, not mounted). It says nothing
 * about whether any process lives: a caller must treat what it asked about as unknown, never as dead.
 */
public final class ProcUnreadableException extends UncheckedIOException {

    public ProcUnreadableException(String what, IOException cause) {
        super("cannot read " + what + ": " + cause.getMessage(), cause);
    }
}
