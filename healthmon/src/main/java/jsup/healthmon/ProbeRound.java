package jsup.healthmon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jsup.healthmon.probe.Probe;
import jsup.healthmon.probe.ProbeResult;

/**
 * One round of an app's probes: every probe of its {@code health} block, run one after another.
 *
 * @param startedAt when the round began (wall clock)
 * @param results   one result per probe, in config order
 */
public record ProbeRound(Instant startedAt, List<ProbeResult> results) {

    public ProbeRound {
        results = List.copyOf(results);
    }

    /** Runs each probe with the given timeout, on the calling thread. */
    public static ProbeRound run(List<Probe> probes, Duration timeout, Instant now) {
        List<ProbeResult> results = new ArrayList<>(probes.size());
        for (Probe probe : probes) {
            results.add(probe.check(timeout));
        }
        return new ProbeRound(now, results);
    }

    /** A round passes when every probe passed. */
    public boolean ok() {
        return firstFailure().isEmpty();
    }

    public Optional<ProbeResult> firstFailure() {
        return results.stream().filter(r -> !r.ok()).findFirst();
    }
}
