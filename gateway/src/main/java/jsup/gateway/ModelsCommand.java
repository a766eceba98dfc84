package jsup.gateway;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import jsup.gateway.app.ExitCodes;
import jsup.gateway.config.ConfigLoad;
import jsup.gateway.logging.Secrets;
import jsup.gateway.model.Availability;
import jsup.gateway.model.CatalogReport;
import jsup.gateway.model.ChatCompletionsClient;
import jsup.gateway.model.ModelCatalogCheck;
import jsup.gateway.model.ModelRef;
import jsup.gateway.model.ModelSettings;
import jsup.gateway.model.ProviderSettings;
import jsup.gateway.model.TaskType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code models status}: the chain, the routing, whether each provider has a key, and each model's availability. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "Inspect the configured models.",
        subcommands = ModelsCommand.Status.class)
final class ModelsCommand extends CommandGroup {

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Print the model chain, task routing, key presence (never the key) and availability per model.")
    static final class Status implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ConfigOption config;

        @Option(names = "--check", description = "Exit 1 when a configured model is unknown to its provider or could not be checked.")
        boolean check;

        @Option(names = "--timeout-ms", defaultValue = "10000", description = "How long to wait for each provider's model list.")
        long timeoutMs;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            ConfigLoad load = config.load(System.getenv());
            out.println("Config      : " + load.path());
            if (!load.isValid()) {
                ConfigOption.printProblems(out, load);
                return ExitCodes.CONFLICT;
            }
            ModelSettings models = load.config().models();
            out.println("Default     : " + models.primary().map(ModelRef::toString).orElse("(none: offline replies)"));
            out.println("Fallbacks (" + Math.max(0, models.chain().size() - 1) + "): "
                    + String.join(", ", models.chain().stream().skip(1).map(ModelRef::toString).toList()));
            out.println("Task routing:");
            for (TaskType t : TaskType.values()) {
                ModelRef routed = models.taskRouting().get(t);
                out.println("  " + pad(t.configKey(), 13) + (routed == null ? "(primary)" : routed.toString()));
            }
            out.println("History     : " + models.historyLimit() + " turns; timeout per model " + models.timeout().toMillis() + " ms");
            out.println("Providers:");
            for (ProviderSettings p : models.providers().values()) {
                out.println("  " + pad(p.name(), 12) + p.baseUrl() + "  key " + Secrets.describe(p.apiKey())
                        + (p.hasKey() || !p.isLoopback() ? "" : " (local: none needed)"));
            }
            if (models.configuredModels().stream().map(models::provider)
                    .noneMatch(p -> p.map(ProviderSettings::usable).orElse(false))) {
                out.println("Offline     : yes; no model can be called, chat replies come from the labelled offline responder");
                return check && !models.chain().isEmpty() ? ExitCodes.FAILURE : ExitCodes.OK;
            }
            CatalogReport report = new ModelCatalogCheck(new ChatCompletionsClient(Duration.ofSeconds(5)),
                    Duration.ofMillis(timeoutMs)).check(models);
            out.println("Models:");
            boolean allGood = true;
            for (Map.Entry<ModelRef, Availability> e : report.models().entrySet()) {
                out.println("  " + pad(e.getKey().toString(), 48) + e.getValue());
                allGood &= e.getValue().status() == Availability.Status.AVAILABLE;
            }
            return check && !allGood ? ExitCodes.FAILURE : ExitCodes.OK;
        }

        private static String pad(String s, int width) {
            return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
        }
    }
}
