package jsup.healthmon.probe;

import java.util.ArrayList;
import java.util.List;
import jsup.healthmon.ProbeSpec;
import jsup.healthmon.proc.ProcFs;

/** Turns probe specs from the config into probes. */
public final class Probes {

    private Probes() {
    }

    public static Probe of(ProbeSpec spec) {
        return of(spec, ProcFs.SYSTEM);
    }

    /** @param procFs where the tcp probe looks for its accepted connection and exec finds process groups */
    public static Probe of(ProbeSpec spec, ProcFs procFs) {
        if (spec instanceof ProbeSpec.Tcp tcp) {
            return new TcpProbe(tcp.host(), tcp.port(), procFs);
        }
        if (spec instanceof ProbeSpec.Http http) {
            return new HttpProbe(http.url(), http.statuses(), http.bodyContains());
        }
        if (spec instanceof ProbeSpec.Exec exec) {
            return new ExecProbe(exec.command(), procFs);
        }
        throw new IllegalArgumentException("unknown probe spec " + spec);
    }

    public static List<Probe> of(List<ProbeSpec> specs, ProcFs procFs) {
        List<Probe> probes = new ArrayList<>(specs.size());
        for (ProbeSpec spec : specs) {
            probes.add(of(spec, procFs));
        }
        return List.copyOf(probes);
    }
}
