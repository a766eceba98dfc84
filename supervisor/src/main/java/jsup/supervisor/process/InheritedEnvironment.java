package jsup.supervisor.process;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Map;

/**
 * jsupd's own environment as C strings ({@code NAME=value}), laid out once for the JVM's life (the
 * environment of a running JVM never changes): every app's envp points into it for each variable it
 * inherits unchanged, so an app's prepared command holds only its pointers and its own variables.
 */
final class InheritedEnvironment {

    private static volatile InheritedEnvironment instance;

    private final Charset encoding;
    private final Map<String, String> values;
    /** By variable name, the address of its {@code NAME=value} string in {@link #block}. */
    private final Map<String, Long> addresses;
    private final Memory block;

    private InheritedEnvironment(Map<String, String> values, Charset encoding) {
        this.encoding = encoding;
        this.values = values;
        CStringBlock.Layout layout = new CStringBlock.Layout(0);
        Map<String, Integer> offsets = new HashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            offsets.put(e.getKey(), layout.add(e.getKey() + "=" + e.getValue(), encoding));
        }
        block = layout.write();
        long base = Pointer.nativeValue(block);
        addresses = new HashMap<>();
        offsets.forEach((name, offset) -> addresses.put(name, base + offset));
    }

    /** jsupd's environment, in {@code encoding} (the JVM's one file-name encoding: made once). */
    static InheritedEnvironment of(Charset encoding) {
        InheritedEnvironment env = instance;
        if (env == null || !env.encoding.equals(encoding)) {
            env = new InheritedEnvironment(System.getenv(), encoding);
            instance = env;
        }
        return env;
    }

    /** The address of {@code name=value} when jsupd's environment has exactly that, else 0. */
    long address(String name, String value) {
        Long at = addresses.get(name);
        return at != null && value.equals(values.get(name)) ? at : 0;
    }
}
