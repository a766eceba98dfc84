package jsup.healthmon.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Set;
import jsup.healthmon.ProbeSpec;
import org.junit.jupiter.api.Test;

class ProbesTest {

    @Test
    void buildsTheProbeForEachSpec() {
        assertThat(Probes.of(new ProbeSpec.Tcp("127.0.0.1", 18789))).isInstanceOf(TcpProbe.class)
                .extracting(Probe::describe).isEqualTo("tcp 127.0.0.1:18789");
        assertThat(Probes.of(new ProbeSpec.Http(URI.create("http://127.0.0.1:18789/healthz"), Set.of(), null)))
                .isInstanceOf(HttpProbe.class).extracting(Probe::describe).isEqualTo("http http://127.0.0.1:18789/healthz");
        assertThat(Probes.of(new ProbeSpec.Exec(List.of("true")))).isInstanceOf(ExecProbe.class)
                .extracting(Probe::describe).isEqualTo("exec true");
    }

    @Test
    void aBadPortIsRejectedWithTheValue() {
        assertThatThrownBy(() -> Probes.of(new ProbeSpec.Tcp("127.0.0.1", 70000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("70000");
    }
}
