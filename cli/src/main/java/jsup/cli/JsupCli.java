package jsup.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jsup.cli.command.JsupCommand;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place a {@link CommandLine} for {@code jsup} is built: main uses it, and tests use it with
 * their own {@link CliContext} (environment, captured out/err).
 *
 * <p>Errors: an {@link ExitException} prints its message (no stack trace) and exits with its code; a
 * command-line mistake prints the bad value and a pointer to {@code --help} and exits
 * {@link ExitCode#USAGE}; anything else is a bug: stack trace and {@link ExitCode#INTERNAL}.
 */
public final class JsupCli {

    private JsupCli() {
    }

    /** Parses and runs {@code args}; returns the exit code. */
    public static int execute(CliContext ctx, String... args) {
        return create(ctx, args).execute(args);
    }

    /** A ready {@code jsup} command line with every subcommand, writing to {@code ctx}'s streams. */
    public static CommandLine create(CliContext ctx) {
        return create(ctx, new String[0]);
    }

    /**
     * A ready {@code jsup} command line for {@code args}: when the first argument names a
     * subcommand, only that one is built (picocli reflects over each command it registers);
     * otherwise (help, a typo, completion) all of them, so usage and suggestions are complete.
     */
    public static CommandLine create(CliContext ctx, String[] args) {
        ContextFactory factory = new ContextFactory(ctx);
        CommandLine cl = new CommandLine(new JsupCommand(ctx), factory);
        Class<?> only = null;
        if (args.length > 0 && !args[0].equals("completion")) {
            for (Map.Entry<List<String>, Class<?>> e : JsupCommand.SUBCOMMANDS) {
                if (e.getKey().contains(args[0])) {
                    only = e.getValue();
                }
            }
        }
        for (Map.Entry<List<String>, Class<?>> e : JsupCommand.SUBCOMMANDS) {
            if (only == null || e.getValue() == only) {
                cl.addSubcommand(new CommandLine(e.getValue(), factory));
            }
        }
        cl.setOut(ctx.out());
        cl.setErr(ctx.err());
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(
                ctx.colour() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> handle(e, commandLine.getErr()));
        cl.setParameterExceptionHandler(JsupCli::handleUsage);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        Map<String, String> codes = exitCodeHelp();
        applyToAll(cl, c -> c.getCommandSpec().usageMessage()
                .exitCodeListHeading("%nExit codes:%n").exitCodeList(codes));
        HelpLayout.install(cl);
        return cl;
    }

    private static int handle(Exception e, PrintWriter err) {
        if (e instanceof ExitException exit) {
            if (exit.getMessage() != null && !exit.getMessage().isEmpty()) {
                err.println(exit.getMessage());
            }
            err.flush();
            return exit.exitCode();
        }
        err.println("jsup: internal error (a bug; please report it with this trace):");
        e.printStackTrace(err);
        err.flush();
        return ExitCode.INTERNAL;
    }

    private static int handleUsage(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("jsup: " + missingTarget(e).orElse(e.getMessage()));
        if (!UnmatchedArgumentException.printSuggestions(e, err)) {
            CommandSpec spec = cl.getCommandSpec();
            err.println("Run '" + spec.qualifiedName() + " --help' for usage.");
        }
        err.flush();
        return ExitCode.USAGE;
    }

    /**
     * "Missing required parameter: 'TARGET'" says nothing to a PM2 user who typed {@code jsup restart}: say
     * what a target is and show one.
     */
    private static java.util.Optional<String> missingTarget(ParameterException e) {
        if (!(e instanceof MissingParameterException missing)) {
            return java.util.Optional.empty();
        }
        java.util.Optional<PositionalParamSpec> target = missing.getMissing().stream()
                .filter(a -> a instanceof PositionalParamSpec p && p.paramLabel().equals("TARGET"))
                .map(PositionalParamSpec.class::cast).findFirst();
        if (target.isEmpty()) {
            return java.util.Optional.empty();
        }
        boolean file = String.join(" ", target.get().description()).toLowerCase(java.util.Locale.ROOT).contains("file");
        String command = e.getCommandLine().getCommandSpec().qualifiedName();
        return java.util.Optional.of(command + " needs a target: an app's name or id, a namespace, all"
                + (file ? " or an ecosystem file" : "") + " (see `jsup list`), e.g. " + command + " all");
    }

    private static Map<String, String> exitCodeHelp() {
        Map<String, String> codes = new LinkedHashMap<>();
        for (String line : ExitCode.HELP_LINES) {
            int colon = line.indexOf(':');
            codes.put(String.format("%3s", line.substring(0, colon)), line.substring(colon + 1));
        }
        return codes;
    }

    private static void applyToAll(CommandLine cl, java.util.function.Consumer<CommandLine> action) {
        action.accept(cl);
        for (CommandLine sub : cl.getSubcommands().values()) {
            applyToAll(sub, action);
        }
    }

    /** Builds commands, handing the context to those whose constructor takes one. */
    private static final class ContextFactory implements CommandLine.IFactory {
        private final CliContext ctx;

        ContextFactory(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            for (Constructor<?> c : cls.getDeclaredConstructors()) {
                if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == CliContext.class) {
                    c.setAccessible(true);
                    return cls.cast(c.newInstance(ctx));
                }
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
