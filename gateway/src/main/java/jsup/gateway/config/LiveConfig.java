package jsup.gateway.config;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The config currently in force. Readers call {@link #get()} per message, so a reload takes
 * effect on the next message without restarting anything that reads it.
 */
public final class LiveConfig implements Supplier<GatewayConfig> {

    private final AtomicReference<GatewayConfig> current;

    public LiveConfig(GatewayConfig initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial));
    }

    @Override
    public GatewayConfig get() {
        return current.get();
    }

    /** Installs {@code next} and returns the one it replaced. */
    public GatewayConfig replace(GatewayConfig next) {
        return current.getAndSet(Objects.requireNonNull(next));
    }
}
