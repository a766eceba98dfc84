package jsup.cli.command;

import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jsup completion bash}: prints a bash completion script (picocli's AutoComplete). */
@Command(name = "completion",
        description = {"Print a shell completion script.",
            "Install: jsup completion bash > /etc/bash_completion.d/jsup",
            "   or: source <(jsup completion bash)"})
final class CompletionCommand implements Runnable {

    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", defaultValue = "bash",
            description = "Only 'bash' (its script also works in zsh with bashcompinit). Default: ${DEFAULT-VALUE}.")
    String shell;

    CompletionCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw new ExitException(ExitCode.USAGE,
                    "jsup: no completion for shell '" + shell + "'; use: jsup completion bash");
        }
        ctx.out().print(AutoComplete.bash("jsup", spec.root().commandLine()));
        ctx.out().flush();
    }
}
