package jsup.supervisor.process;

import java.io.IOException;
import java.nio.channels.Pipe;

/** The descriptor of a pipe's write end, as log capture learns it (needs {@code sun.nio.ch} exported). */
final class PipeFds {

    private PipeFds() {
    }

    static int of(Pipe.SinkChannel sink) throws IOException {
        try {
            return (Integer) Class.forName("sun.nio.ch.SelChImpl").getMethod("getFDVal").invoke(sink);
        } catch (ReflectiveOperationException e) {
            throw new IOException("cannot reach the pipe's descriptor: " + e, e);
        }
    }
}
