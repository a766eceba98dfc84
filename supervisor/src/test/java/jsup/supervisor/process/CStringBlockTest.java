package jsup.supervisor.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one native block of argv and envp, read back as posix_spawn reads it. */
class CStringBlockTest {

    @Test
    void laysOutTwoNullTerminatedArraysAndTheDirectory() {
        CStringBlock block = CStringBlock.of(List.of("/usr/bin/setsid", "sh", "-c", ""),
                List.of("A=1", "PATH=/bin:/usr/bin", "NAME=caf\u00e9"), "/tmp/d\u00e9", StandardCharsets.UTF_8);

        assertThat(strings(block.argv())).containsExactly("/usr/bin/setsid", "sh", "-c", "");
        assertThat(strings(block.envp())).containsExactly("A=1", "PATH=/bin:/usr/bin", "NAME=caf\u00e9");
        assertThat(block.program().getString(0, "UTF-8")).isEqualTo("/usr/bin/setsid");
        assertThat(block.dir().getString(0, "UTF-8")).isEqualTo("/tmp/d\u00e9");
    }

    @Test
    void anEmptyEnvironmentAndNoDirectory() {
        CStringBlock block = CStringBlock.of(List.of("true"), List.of(), null, StandardCharsets.UTF_8);

        assertThat(strings(block.argv())).containsExactly("true");
        assertThat(strings(block.envp())).isEmpty();
        assertThat(block.dir()).isNull();
    }

    private static List<String> strings(Pointer array) {
        List<String> out = new ArrayList<>();
        for (int i = 0; ; i++) {
            Pointer p = array.getPointer((long) i * Long.BYTES);
            if (p == null) {
                return out;
            }
            out.add(p.getString(0, "UTF-8"));
        }
    }
}
