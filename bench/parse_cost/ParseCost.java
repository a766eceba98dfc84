package jsup.cli.fast;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of the fast path's parse of one {@code list} answer (a response line saved in a file) in a fresh
 * JVM, after a tiny parse has loaded the parser's classes: the part of {@code jsup list} that grows with the
 * answer. In package jsup.cli.fast for its package-private {@code JsonTrees}; run with the launcher's flags and
 * class-data archive (docs/benchmarks.md, "jsup list with 50 apps"):
 *
 * <pre>
 * javac -cp cli/target/jsup.jar -d /tmp/pc bench/parse_cost/ParseCost.java
 * java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -XX:SharedArchiveFile=cli/target/jsup-*.jsa \
 *     -cp cli/target/jsup.jar:/tmp/pc jsup.cli.fast.ParseCost answer.json
 * </pre>
 */
public final class ParseCost {
    public static void main(String[] args) throws Exception {
        String text = Files.readString(Path.of(args[0]));
        JsonTrees.parse("{\"a\":[{\"b\":1.5,\"c\":\"x\",\"d\":null,\"e\":true,\"f\":{\"g\":[]}}]}"); // loads the parser
        var bean = ManagementFactory.getThreadMXBean();
        long c0 = bean.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        var tree = JsonTrees.parse(text);
        long c1 = bean.getCurrentThreadCpuTime();
        long t1 = System.nanoTime();
        System.out.printf("%d bytes: parse %.2f ms CPU, %.2f ms wall (%d apps)%n", text.length(),
                (c1 - c0) / 1e6, (t1 - t0) / 1e6, tree.path("result").path("apps").size());
    }
}
