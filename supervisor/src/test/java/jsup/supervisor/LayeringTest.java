package jsup.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of the supervisor's lower packages (docs/architecture.md), read from the sources so it
 * cannot silently regress: each names only the jsup packages it may use, in code or in comments.
 */
class LayeringTest {

    private static final Path SOURCES = Path.of("src/main/java/jsup");
    private static final Pattern REFERENCE = Pattern.compile("\\bjsup\\.(\\w+)(\\.[a-z]\\w*)?(?=\\.[A-Z*]|\\s*;)");

    /** Package (under jsup.supervisor) → the jsup packages it may reference besides itself. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            // config checks cron expressions and depends_on cycles with the pure classes that later run them
            Map.entry("config", Set.of("healthmon", "supervisor.units", "supervisor.schedule", "supervisor.dependencies")),
            Map.entry("schedule", Set.of()),
            Map.entry("units", Set.of()),
            Map.entry("control", Set.of("supervisor.daemonlog", "supervisor.files")),
            Map.entry("log", Set.of("supervisor.config", "supervisor.files")),
            Map.entry("process", Set.of("healthmon.proc", "supervisor.config", "supervisor.control", "supervisor.libc",
                    "supervisor.sockets")),
            Map.entry("sockets", Set.of("healthmon.proc", "supervisor.config", "supervisor.libc")),
            Map.entry("prestart", Set.of("healthmon.proc", "supervisor.config", "supervisor.files")),
            Map.entry("daemonlog", Set.of()),
            Map.entry("files", Set.of()),
            Map.entry("libc", Set.of()));

    @Test
    void eachPackageReferencesOnlyTheLayersBelowIt() throws IOException {
        List<String> crossings = new ArrayList<>();
        for (Map.Entry<String, Set<String>> rule : ALLOWED.entrySet()) {
            String own = "supervisor." + rule.getKey();
            try (Stream<Path> files = Files.list(SOURCES.resolve("supervisor").resolve(rule.getKey()))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = REFERENCE.matcher(Files.readString(file));
                    while (m.find()) {
                        String used = m.group(1) + (m.group(2) == null ? "" : m.group(2));
                        boolean allowed = used.equals(own) || rule.getValue().stream()
                                .anyMatch(a -> used.equals(a) || used.startsWith(a + "."));
                        if (!allowed) {
                            crossings.add(file.getFileName() + " uses jsup." + used);
                        }
                    }
                }
            }
        }
        assertThat(crossings).as("imports that cross a layer").isEmpty();
    }

    @Test
    void theRuleCatchesAnEngineImport() {
        Matcher m = REFERENCE.matcher("import jsup.supervisor.internal.JsupdLog;\nimport jsup.supervisor.Supervisor;");
        assertThat(m.find()).isTrue();
        assertThat(m.group(1) + m.group(2)).isEqualTo("supervisor.internal");
        assertThat(m.find()).isTrue();
        assertThat(m.group(1) + (m.group(2) == null ? "" : m.group(2))).isEqualTo("supervisor");
    }
}
