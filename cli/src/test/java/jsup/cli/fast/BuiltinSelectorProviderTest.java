package jsup.cli.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short command's first socket takes the JDK's own selector provider without scanning the class path. */
class BuiltinSelectorProviderTest {

    @TempDir
    Path dir;

    /** What a short command's socket set-up does and nothing else: a round trip to a missing socket. */
    public static final class RoundTripOnly {
        public static void main(String[] args) {
            try {
                DaemonRoundTrip.exchange(Path.of(args[0]), "{}", 1_000, 1_024);
            } catch (IOException expected) {
                // No socket there: the channel was opened, which is what the class-load log is for.
            }
        }
    }

    @Test
    void theFirstSocketLoadsNoServiceLoader() throws Exception {
        Path log = dir.resolve("classes.log");
        Path output = dir.resolve("output.txt");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process jvm = new ProcessBuilder(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
                RoundTripOnly.class.getName(), dir.resolve("missing.sock").toString()))
                .redirectInput(new File("/dev/null")).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        try {
            assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).as("the probe JVM exits").isTrue();
        } finally {
            jvm.destroyForcibly();
        }
        assertThat(jvm.exitValue()).as(Files.readString(output, StandardCharsets.UTF_8)).isZero();
        String loaded = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(loaded).as("it opened a channel").contains(" sun.nio.ch.EPollSelectorProvider ");
        assertThat(loaded).as("no META-INF/services scan (which opens every jar on the class path)")
                .doesNotContain(" java.util.ServiceLoader ");
    }

    @Test
    void namesTheJdksProviderOnLinux() {
        Properties linux = properties("Linux");
        BuiltinSelectorProvider.choose(linux);
        assertThat(linux.getProperty(BuiltinSelectorProvider.PROPERTY)).isEqualTo("sun.nio.ch.EPollSelectorProvider");
    }

    @Test
    void keepsAProviderTheUserNamed() {
        Properties named = properties("Linux");
        named.setProperty(BuiltinSelectorProvider.PROPERTY, "sun.nio.ch.PollSelectorProvider");
        BuiltinSelectorProvider.choose(named);
        assertThat(named.getProperty(BuiltinSelectorProvider.PROPERTY)).isEqualTo("sun.nio.ch.PollSelectorProvider");
    }

    @Test
    void leavesOtherSystemsToTheJdk() {
        Properties mac = properties("Mac OS X");
        BuiltinSelectorProvider.choose(mac);
        assertThat(mac.getProperty(BuiltinSelectorProvider.PROPERTY)).isNull();
    }

    private static Properties properties(String osName) {
        Properties p = new Properties();
        p.setProperty("os.name", osName);
        return p;
    }
}
