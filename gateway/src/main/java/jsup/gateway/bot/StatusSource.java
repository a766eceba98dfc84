package jsup.gateway.bot;

import java.time.Duration;
import java.util.List;

/** What {@code /status} reports about the running gateway beyond the model chain. */
public interface StatusSource {

    Duration uptime();

    /** One line per component, for example "telegram: polling" or "config reload: watching". */
    List<String> componentLines();
}
