package jsup.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.cli.export.AppInstances;
import jsup.cli.export.Export;
import jsup.cli.export.ExportSettings;
import jsup.cli.export.ExportedFile;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.config.InstanceExpansion;
import jsup.supervisor.config.Ecosystem;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every {@code jsup export} target shares, and how its result is written. */
final class ExportOptions {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Ecosystem file (default: "
            + "ecosystem.config.js, .json, .yaml or .yml in the working directory).")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "Write the files into DIR (created if missing) "
            + "instead of printing them.")
    Path out;

    @Option(names = "--only", split = ",", paramLabel = "APP", description = "Export only these apps.")
    List<String> only;

    @Option(names = "--env", paramLabel = "PROFILE", description = "Apply env_<PROFILE> of the file.")
    String env;

    @Option(names = "--include-secrets", description = "Write the values of secret-looking env keys (TOKEN, KEY, "
            + "SECRET, PASS) instead of the placeholder REPLACE_ME.")
    boolean includeSecrets;

    @Option(names = "--json", description = "Print the mapping report as JSON on stdout (needs --out): "
            + "{\"target\",\"entries\":[{\"app\",\"key\",\"outcome\",\"to\",\"why\"}]}.")
    boolean json;

    @Option(names = "--verbose", description = "List the mapped keys in the report too, not only the approximated "
            + "and not mapped ones.")
    boolean verbose;

    /** The file, its apps (after --only) and the settings for an exporter. */
    record Loaded(Path file, List<AppSpec> apps, ExportSettings settings) {
    }

    Loaded load(CliContext ctx, List<String> jsup) {
        if (json && out == null) {
            throw new ExitException(ExitCode.USAGE, "jsup: --json prints the report on stdout, where the files "
                    + "would go; add --out DIR");
        }
        Path path = FileApps.resolve(ctx, file);
        Ecosystem eco = FileApps.load(ctx, path, env);
        // The loader expands an app of N instances into N specs; an export writes the app once, with its count.
        List<AppSpec> apps = FileApps.select(eco, only).stream().filter(a -> a.instances().id() == 0)
                .map(a -> InstanceExpansion.definition(a, a.instances().count())).toList();
        return new Loaded(path, apps, new ExportSettings(path, ctx.jsupHome(), jsup, includeSecrets,
                AppInstances::count, ctx.env()));
    }

    /** The folder {@code --out} names, resolved; the working directory without it. */
    Path outDir(CliContext ctx) {
        return out == null ? ctx.cwd() : ctx.cwd().resolve(out).normalize();
    }

    /**
     * Writes the files into {@code --out} (secret ones 0600) and lists them, or prints them on stdout joined by
     * {@code separator} (given each file's name); then the report on stderr, or as JSON on stdout.
     */
    void write(CliContext ctx, Export export, java.util.function.Function<String, String> separator) {
        if (out != null) {
            Path dir = outDir(ctx);
            try {
                Files.createDirectories(dir);
                for (ExportedFile f : export.files()) {
                    Path target = dir.resolve(f.name());
                    Files.deleteIfExists(target);
                    if (f.secret()) {
                        Files.createFile(target, PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rw-------")));
                    }
                    Files.writeString(target, f.content());
                    if (!json) {
                        ctx.out().println("wrote " + target);
                    }
                }
            } catch (IOException e) {
                throw new ExitException(ExitCode.FAILURE, "jsup: cannot write into " + dir + ": " + e.getMessage()
                        + "; check the folder and its permissions");
            }
        } else {
            boolean first = true;
            for (ExportedFile f : export.files()) {
                String sep = separator.apply(f.name());
                if (!first || export.files().size() > 1) {
                    ctx.out().print(first && sep.startsWith("---") ? "" : sep);
                }
                ctx.out().print(f.content());
                first = false;
            }
        }
        ctx.out().flush();
        if (json) {
            try {
                ctx.out().println(JSON.writeValueAsString(export.report().toJson()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            ctx.out().flush();
        } else {
            export.report().print(ctx.err(), verbose);
        }
    }
}
