package jsup.cli.monit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jsup.healthmon.proc.HostUsage;
import jsup.healthmon.proc.HostUsageReader;

/**
 * One tick of data for either face of monit (the screen or the plain text): the apps from jsupd,
 * the host's figures, and each app's {@link UsageRing}, which only monit keeps (rings of apps that
 * are gone are dropped).
 */
final class MonitFeed {

    /** Samples kept per app: ten minutes at the default two-second interval. */
    static final int RING_SAMPLES = 300;

    private final MonitSource source;
    private final HostUsageReader hostReader;
    private final Map<String, UsageRing> rings = new HashMap<>();
    private HostUsage host;

    MonitFeed(MonitSource source, HostUsageReader hostReader) {
        this.source = source;
        this.hostReader = hostReader;
    }

    /** Polls jsupd and the host; throws as {@link MonitSource#poll()} does. */
    List<AppRow> tick() {
        host = hostReader.read();
        List<AppRow> apps = source.poll();
        Set<String> names = new HashSet<>();
        for (AppRow a : apps) {
            names.add(a.name());
            rings.computeIfAbsent(a.name(), n -> new UsageRing(RING_SAMPLES)).add(a.cpu(), a.memory());
        }
        rings.keySet().retainAll(names);
        return apps;
    }

    /** The host as of the last tick (null before the first). */
    HostUsage host() {
        return host;
    }

    Map<String, UsageRing> rings() {
        return rings;
    }

    MonitSource source() {
        return source;
    }
}
