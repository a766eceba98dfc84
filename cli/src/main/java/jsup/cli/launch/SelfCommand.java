package jsup.cli.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line that runs this same {@code jsup} again: the launcher script when we were started
 * through it ({@code bin/jsup} exports {@code JSUP_LAUNCHER}), else this JVM's java binary with this
 * JVM's classpath (tests, {@code java -jar}).
 */
public final class SelfCommand {

    private SelfCommand() {
    }

    /** argv before the jsup arguments, e.g. {@code [/opt/jsup/bin/jsup]}. */
    public static List<String> prefix(Map<String, String> env) {
        String launcher = env.get("JSUP_LAUNCHER");
        if (launcher != null && Files.isExecutable(Path.of(launcher))) {
            return List.of(launcher);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        cmd.add("-cp");
        cmd.add(absoluteClasspath());
        cmd.add("jsup.cli.Main");
        return cmd;
    }

    /** The java binary running this JVM. */
    public static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static String absoluteClasspath() {
        List<String> parts = new ArrayList<>();
        for (String p : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!p.isEmpty()) {
                parts.add(Path.of(p).toAbsolutePath().toString());
            }
        }
        return String.join(java.io.File.pathSeparator, parts);
    }
}
