package jsup.gateway;

import java.io.PrintWriter;
import jsup.gateway.app.ExitCodes;
import jsup.gateway.logging.Secrets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one place the gateway's {@link CommandLine} is built; tests use it too. */
@Command(name = "jsup-gateway", mixinStandardHelpOptions = true, versionProvider = GatewayCli.Version.class,
        description = "The moltbot gateway under jsup: Telegram and a web chat in front of OpenAI-compatible models.",
        subcommands = {GatewayCli.GatewayGroup.class, ModelsCommand.class, ChannelsCommand.class, ConfigCommand.class})
public final class GatewayCli {

    private GatewayCli() {
    }

    public static CommandLine create() {
        return create(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public static CommandLine create(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new GatewayCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> ExitCodes.FAILURE);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + Secrets.redact(String.valueOf(e.getMessage())));
            return ExitCodes.FAILURE;
        });
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println(e.getMessage());
            c.usage(c.getErr());
            return ExitCodes.USAGE;
        });
        return cl;
    }

    /** {@code gateway ...}: holds {@code run}. */
    @Command(name = "gateway", mixinStandardHelpOptions = true, description = "Run the gateway.",
            subcommands = RunCommand.class)
    static final class GatewayGroup extends CommandGroup {
    }

    /** The jar's Implementation-Version, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = GatewayCli.class.getPackage().getImplementationVersion();
            return new String[] {"jsup-gateway " + (v == null ? "dev" : v)};
        }
    }
}
