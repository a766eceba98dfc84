package jsup.cli.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.config.ConfigException;
import jsup.supervisor.config.Ecosystem;
import jsup.supervisor.config.EcosystemLoader;

/**
 * The apps of an ecosystem file read without jsupd ({@code export}, {@code prestart}, {@code probe}): the file
 * named, or the ecosystem file in the working directory; errors as exit codes with the bad value named.
 */
final class FileApps {

    /** Looked for, in this order, when no file is named. */
    static final List<String> DEFAULT_NAMES = List.of("ecosystem.config.js", "ecosystem.json", "ecosystem.yaml",
            "ecosystem.yml");

    private FileApps() {
    }

    /** The file to read: {@code file} resolved against the working directory, or the default one there. */
    static Path resolve(CliContext ctx, Path file) {
        if (file != null) {
            Path path = ctx.cwd().resolve(file).normalize();
            if (!Files.isRegularFile(path)) {
                throw new ExitException(ExitCode.USAGE, "jsup: no file " + path + "; check the path");
            }
            return path;
        }
        for (String name : DEFAULT_NAMES) {
            Path path = ctx.cwd().resolve(name);
            if (Files.isRegularFile(path)) {
                return path;
            }
        }
        throw new ExitException(ExitCode.USAGE, "jsup: no ecosystem file named and none of "
                + String.join(", ", DEFAULT_NAMES) + " in " + ctx.cwd() + "; name the file");
    }

    /** Loads {@code path}; warnings go to stderr. */
    static Ecosystem load(CliContext ctx, Path path, String profile) {
        try {
            Ecosystem eco = new EcosystemLoader(ctx.jsupHome(), ctx.env()).load(path, profile, ctx.env());
            for (String w : eco.warnings()) {
                ctx.err().println("jsup: warning: " + w);
            }
            return eco;
        } catch (ConfigException e) {
            throw new ExitException(ExitCode.INVALID_CONFIG, "jsup: " + e.getMessage()
                    + "\nFix the file and run again (keys: docs/config.md).");
        }
    }

    /** The apps named by {@code only} in file order, or all of them when it is empty. */
    static List<AppSpec> select(Ecosystem eco, List<String> only) {
        if (only == null || only.isEmpty()) {
            return eco.apps();
        }
        Set<String> wanted = new LinkedHashSet<>(only);
        List<AppSpec> chosen = new ArrayList<>();
        for (AppSpec a : eco.apps()) {
            if (wanted.remove(a.name())) {
                chosen.add(a);
            }
        }
        if (!wanted.isEmpty()) {
            throw unknown(eco, String.join(", ", wanted), ExitCode.USAGE, "--only names");
        }
        return chosen;
    }

    /** The app called {@code name}. */
    static AppSpec find(Ecosystem eco, String name) {
        return eco.apps().stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> unknown(eco, name, ExitCode.UNKNOWN_APP, "no app"));
    }

    private static ExitException unknown(Ecosystem eco, String names, int code, String what) {
        List<String> all = eco.apps().stream().map(AppSpec::name).toList();
        return new ExitException(code, "jsup: " + what + " " + names + " in " + eco.file() + "; the file has: "
                + String.join(", ", all));
    }
}
