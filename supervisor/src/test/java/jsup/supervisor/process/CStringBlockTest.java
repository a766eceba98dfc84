package jsup.supervisor.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one native block of argv and envp, read back as posix_spawn reads it. */
class CStringBlockTest {

    @Test
    void laysOutTwoNullTerminatedArraysAndTheDirectory() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("A", "1");
        env.put("PATH", "/bin:/usr/bin");
        env.put("NAME", "caf\u00e9");
        CStringBlock block = CStringBlock.of(List.of("/usr/bin/setsid", "sh", "-c", ""), env, "/tmp/d\u00e9",
                StandardCharsets.UTF_8, null);

        assertThat(strings(block.argv())).containsExactly("/usr/bin/setsid", "sh", "-c", "");
        assertThat(strings(block.envp())).containsExactly("A=1", "PATH=/bin:/usr/bin", "NAME=caf\u00e9");
        assertThat(block.program().getString(0, "UTF-8")).isEqualTo("/usr/bin/setsid");
        assertThat(block.dir().getString(0, "UTF-8")).isEqualTo("/tmp/d\u00e9");
    }

    @Test
    void anEmptyEnvironmentAndNoDirectory() {
        CStringBlock block = CStringBlock.of(List.of("true"), Map.of(), null, StandardCharsets.UTF_8, null);

        assertThat(strings(block.argv())).containsExactly("true");
        assertThat(strings(block.envp())).isEmpty();
        assertThat(block.dir()).isNull();
    }

    @Test
    void whatJsupdsEnvironmentHoldsUnchangedIsSharedAndTheRestIsTheBlocksOwn() {
        Map<String, String> jsupd = System.getenv();
        String kept = jsupd.keySet().stream().filter(k -> !k.equals("PATH")).findFirst().orElseThrow();
        Map<String, String> env = new LinkedHashMap<>(jsupd);
        env.put("PATH", "/changed");
        env.put("JSUP_TEST_OWN", "x");
        InheritedEnvironment inherited = InheritedEnvironment.of(StandardCharsets.UTF_8);

        CStringBlock one = CStringBlock.of(List.of("a"), env, null, StandardCharsets.UTF_8, inherited);
        CStringBlock two = CStringBlock.of(List.of("b"), env, null, StandardCharsets.UTF_8, inherited);

        List<String> expected = new ArrayList<>();
        env.forEach((k, v) -> expected.add(k + "=" + v));
        assertThat(strings(one.envp())).containsExactlyElementsOf(expected);
        assertThat(strings(two.envp())).containsExactlyElementsOf(expected);
        assertThat(pointerTo(one, kept)).as("an inherited variable: one string for both")
                .isEqualTo(pointerTo(two, kept)).isEqualTo(inherited.address(kept, jsupd.get(kept)));
        assertThat(pointerTo(one, "PATH")).as("a changed one is each block's own").isNotEqualTo(pointerTo(two, "PATH"));
        assertThat(inherited.address("PATH", "/changed")).isZero();
    }

    private static long pointerTo(CStringBlock block, String name) {
        for (int i = 0; ; i++) {
            Pointer p = block.envp().getPointer((long) i * Long.BYTES);
            if (p.getString(0, "UTF-8").startsWith(name + "=")) {
                return Pointer.nativeValue(p);
            }
        }
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
