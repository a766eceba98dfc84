package jsup.gateway.reload;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import jsup.gateway.config.GatewayConfig;

/**
 * Which sections differ between the running config and a newly loaded one.
 *
 * @param gateway  {@code gateway.*}: the token applies at once, history bounds at the next reply, port and bind
 *                 only after a restart
 * @param telegram {@code channels.telegram}: the channel is restarted
 * @param commands {@code commands}: read per message
 * @param models   models, providers, routing: read per message; ids are checked again
 */
public record ConfigChange(boolean gateway, boolean telegram, boolean commands, boolean models) {

    public static ConfigChange between(GatewayConfig old, GatewayConfig next) {
        return new ConfigChange(!Objects.equals(old.gateway(), next.gateway()),
                !Objects.equals(old.telegram(), next.telegram()),
                !Objects.equals(old.commands(), next.commands()),
                !Objects.equals(old.models(), next.models()));
    }

    public boolean any() {
        return gateway || telegram || commands || models;
    }

    /** The changed section names, for the log. */
    public List<String> sections() {
        List<String> s = new ArrayList<>();
        if (gateway) {
            s.add("gateway");
        }
        if (telegram) {
            s.add("channels.telegram");
        }
        if (commands) {
            s.add("commands");
        }
        if (models) {
            s.add("models/agents");
        }
        return s;
    }
}
