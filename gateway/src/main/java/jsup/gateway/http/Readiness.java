package jsup.gateway.http;

import java.util.List;

/** What {@code /readyz} asks: the components that are not up yet, each with why. Empty means ready. */
@FunctionalInterface
public interface Readiness {

    List<String> notReady();
}
