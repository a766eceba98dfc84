package jsup.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The gateway needs only jsupd's control client (DESIGN.md) and the plain value parsers ({@code units}): never
 *  the engine, the daemon or the ecosystem config. */
class SupervisorDependencyTest {

    private static final Pattern SUPERVISOR_REFERENCE = Pattern.compile("\\bjsup\\.supervisor\\.(?!control\\.|units\\.)\\w+");

    @Test
    void theGatewayUsesOnlyTheControlClientOfTheSupervisor() throws IOException {
        List<String> crossings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = SUPERVISOR_REFERENCE.matcher(Files.readString(file));
                while (m.find()) {
                    crossings.add(file.getFileName() + " uses " + m.group());
                }
            }
        }
        assertThat(crossings).isEmpty();
    }
}
