package jsup.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnvFileTest {

    @Test
    void parsesDotenvLines() {
        assertThat(EnvFile.parse("""
                # comment
                A=plain
                export B = spaced
                C="double \\"quoted\\"\\nnext"
                D='single # not a comment'
                E=value # trailing comment
                not a line
                1BAD=x
                """)).containsExactly(
                java.util.Map.entry("A", "plain"), java.util.Map.entry("B", "spaced"),
                java.util.Map.entry("C", "double \"quoted\"\nnext"), java.util.Map.entry("D", "single # not a comment"),
                java.util.Map.entry("E", "value"));
    }

    @Test
    void substitutesVariablesAndKeepsEscapedOnes() {
        Variables vars = new Variables(java.util.Map.of("A", "1"), java.util.Map.of("B", "2"));
        java.util.List<String> missing = new java.util.ArrayList<>();
        assertThat(vars.substitute("${A}-${B}-$${A}-${C}", missing::add)).isEqualTo("1-2-${A}-${C}");
        assertThat(missing).containsExactly("C");
    }
}
