package jsup.cli.fast;

import java.util.Properties;

/**
 * Names the JDK's own selector provider before a short command opens its first socket. Unnamed,
 * {@code SelectorProvider.provider()} looks for another provider in the class path's
 * {@code META-INF/services}, which opens jsup.jar and reads its central directory (3 000 entries,
 * interpreted code): a run whose classes all come from the class-data-sharing archive never opens
 * the jar otherwise. Named, it is the very provider the JDK would pick, without the scan: about
 * 15 ms less CPU for {@code jsup list} (docs/benchmarks.md, "Start-up of a command").
 */
final class BuiltinSelectorProvider {

    /** The system property {@code SelectorProvider.provider()} reads first. */
    static final String PROPERTY = "java.nio.channels.spi.SelectorProvider";
    /** The JDK's default selector provider on Linux, the only system jsup runs on. */
    static final String LINUX = "sun.nio.ch.EPollSelectorProvider";

    private BuiltinSelectorProvider() {
    }

    /**
     * Names {@link #LINUX} in this JVM's system properties on Linux unless a provider is named already
     * (the user's {@code -Djava.nio.channels.spi.SelectorProvider=…} wins). Has no effect once a
     * channel or selector has been opened in this JVM: the provider is chosen once.
     */
    static void choose() {
        choose(System.getProperties());
    }

    /** {@link #choose()} on {@code properties}, which hold {@code os.name}. */
    static void choose(Properties properties) {
        if (properties.getProperty(PROPERTY) == null && "Linux".equals(properties.getProperty("os.name"))) {
            properties.setProperty(PROPERTY, LINUX);
        }
    }
}
