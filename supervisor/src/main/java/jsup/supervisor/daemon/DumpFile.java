package jsup.supervisor.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jsup.supervisor.files.AtomicFiles;

/**
 * {@code dump.json}: the apps {@code jsup save} recorded and whether each should run.
 *
 * <pre>{"version":1,"saved_at":"2026-…Z","apps":[{"running":true,"config":{ecosystem form}}]}</pre>
 *
 * <p>Saving keeps the previous good dump as {@code dump.json.bak}; the new dump is written to a temp
 * file and renamed over the old one, so {@code dump.json} is always either the old or the new file,
 * never a torn one. Loading falls back to the {@code .bak} when the dump is missing or corrupt.
 */
final class DumpFile {

    static final int VERSION = 1;

    /** One saved app. */
    record SavedApp(String name, boolean running, ObjectNode config) {
    }

    /** What was loaded, from which file, and what went wrong on the way. */
    record Loaded(Path source, List<SavedApp> apps, List<String> warnings) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private DumpFile() {
    }

    static void save(JsupHome home, Instant now, List<SavedApp> apps) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("saved_at", now.toString());
        ArrayNode list = root.putArray("apps");
        for (SavedApp a : apps) {
            list.addObject().put("name", a.name()).put("running", a.running()).set("config", a.config());
        }
        String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        Path dump = home.dump();
        if (Files.exists(dump) && isReadable(dump)) {
            // A hard link keeps dump.json in place while the backup appears atomically.
            Path bakTmp = home.dumpBackup().resolveSibling(home.dumpBackup().getFileName() + ".tmp");
            Files.deleteIfExists(bakTmp);
            Files.createLink(bakTmp, dump);
            Files.move(bakTmp, home.dumpBackup(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        AtomicFiles.write(dump, text);
    }

    /**
     * Loads {@code dump.json}, or {@code dump.json.bak} (with a warning) when the dump is missing or
     * corrupt.
     *
     * @throws IOException when neither file is usable; the message names both problems
     */
    static Loaded load(JsupHome home) throws IOException {
        List<String> warnings = new ArrayList<>();
        try {
            return new Loaded(home.dump(), read(home.dump()), warnings);
        } catch (IOException dumpProblem) {
            try {
                List<SavedApp> apps = read(home.dumpBackup());
                warnings.add(problem(dumpProblem) + "; restored the previous save from " + home.dumpBackup());
                return new Loaded(home.dumpBackup(), apps, warnings);
            } catch (IOException bakProblem) {
                throw new IOException(problem(dumpProblem) + ", and " + problem(bakProblem)
                        + "; nothing to resurrect (run `jsup save` to write a new dump)", dumpProblem);
            }
        }
    }

    static boolean isReadable(Path file) {
        try {
            read(file);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String problem(IOException e) {
        return e instanceof NoSuchFileException ? e.getMessage() + " does not exist" : e.getMessage();
    }

    private static List<SavedApp> read(Path file) throws IOException {
        String text = Files.readString(file);
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new IOException(file + " is corrupt (" + firstLine(e.getMessage()) + ")", e);
        }
        if (root == null || !root.isObject() || !root.path("apps").isArray()) {
            throw new IOException(file + " is corrupt (no \"apps\" array)");
        }
        List<SavedApp> apps = new ArrayList<>();
        for (JsonNode a : root.get("apps")) {
            JsonNode config = a.get("config");
            if (!(config instanceof ObjectNode)) {
                throw new IOException(file + " is corrupt (an app without \"config\")");
            }
            apps.add(new SavedApp(a.path("name").asText(config.path("name").asText("")),
                    a.path("running").asBoolean(true), (ObjectNode) config));
        }
        return apps;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
