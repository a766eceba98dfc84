package jsup.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** jsup's version, filtered into {@code version.properties} by the build. */
public final class JsupVersion implements IVersionProvider {

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}, or {@code unknown} outside a built jar. */
    public static String version() {
        try (InputStream in = JsupVersion.class.getResourceAsStream("/jsup/cli/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"jsup " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
