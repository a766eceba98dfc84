package jsup.cli.command;

import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.cli.completion.CompletionModel;
import jsup.cli.completion.Shell;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jsup completion bash|zsh|fish}: prints the shell's completion script. */
@Command(name = "completion",
        description = {"Print a shell completion script: commands, options, app names from the running jsupd "
            + "(never started for it) and file names.",
            "  bash: source <(jsup completion bash)   or save it as /etc/bash_completion.d/jsup",
            "  zsh:  source <(jsup completion zsh)    (after compinit) or save it as _jsup in $fpath",
            "  fish: jsup completion fish | source    or save it as ~/.config/fish/completions/jsup.fish"})
final class CompletionCommand implements Runnable {

    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", defaultValue = "bash",
            description = "bash, zsh or fish. Default: ${DEFAULT-VALUE}.")
    String shell;

    CompletionCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        Shell chosen = Shell.of(shell).orElseThrow(() -> new ExitException(ExitCode.USAGE,
                "jsup: no completion for shell '" + shell + "'; use one of: " + String.join(", ", Shell.names())
                        + " (e.g. jsup completion bash)"));
        ctx.out().print(chosen.script(CompletionModel.of(spec.root().commandLine())));
        ctx.out().flush();
    }
}
