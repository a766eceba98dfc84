package jsup.cli.command;

import java.nio.file.Path;
import jsup.cli.CliContext;
import jsup.supervisor.config.AppSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code NAME [FILE] [--env PROFILE]} of {@code jsup prestart} and {@code jsup probe}: one app read from a file. */
final class AppOfFile {

    @Parameters(index = "0", paramLabel = "NAME", description = "The app's name in the file.")
    String name;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "Ecosystem file (default: "
            + "ecosystem.config.js, .json, .yaml or .yml in the working directory).")
    Path file;

    @Option(names = "--env", paramLabel = "PROFILE", description = "Apply env_<PROFILE> of the file.")
    String env;

    /** The file resolved against the working directory (or the default one there). */
    Path path(CliContext ctx) {
        return FileApps.resolve(ctx, file);
    }

    /** The app: exit 2 without the file, 5 for an invalid one, 3 when it has no app of that name. */
    AppSpec load(CliContext ctx) {
        return FileApps.find(FileApps.load(ctx, path(ctx), env), name);
    }
}
