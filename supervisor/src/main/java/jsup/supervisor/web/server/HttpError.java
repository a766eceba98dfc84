package jsup.supervisor.web.server;

import java.io.IOException;

/** A request the server refuses before any handler sees it: its status and why. */
final class HttpError extends IOException {

    private final int status;

    HttpError(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
