package jsup.gateway.reload;

import jsup.gateway.config.GatewayConfig;

/** Told after a new config has been swapped in, so components that hold config state can follow. */
@FunctionalInterface
public interface ReloadListener {

    void applied(GatewayConfig previous, GatewayConfig current, ConfigChange change);
}
