package jsup.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import jsup.gateway.app.ExitCodes;
import jsup.gateway.config.ConfigLoad;
import jsup.gateway.config.GatewayConfig;
import jsup.gateway.config.GatewaySettings;
import jsup.gateway.logging.Secrets;
import jsup.gateway.telegram.TelegramSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code channels status}: asks the running gateway ({@code GET /api/status}) and prints what it
 * says; when no gateway answers, prints what the config alone tells ("config-only status").
 */
@Command(name = "channels", mixinStandardHelpOptions = true, description = "Inspect the chat channels.",
        subcommands = ChannelsCommand.Status.class)
final class ChannelsCommand extends CommandGroup {

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show the Telegram and web chat channels, live from the running gateway when it answers.")
    static final class Status implements Callable<Integer> {

        private static final ObjectMapper JSON = new ObjectMapper();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ConfigOption config;

        @CommandLine.Option(names = "--port", description = "Port of the running gateway (default: as in the config).")
        Integer port;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            ConfigLoad load = config.load(System.getenv());
            if (!load.isValid()) {
                out.println("Config " + load.path() + " is invalid:");
                ConfigOption.printProblems(out, load);
                return ExitCodes.CONFLICT;
            }
            GatewayConfig cfg = load.config();
            GatewaySettings gw = port == null ? cfg.gateway() : cfg.gateway().withPort(port);
            Optional<JsonNode> live = askGateway(gw);
            if (live.isPresent()) {
                out.println("Gateway reachable at http://" + gw.bindHost() + ":" + gw.port() + " (pid " + live.get().path("pid").asText() + ")");
                JsonNode tg = live.get().path("channels").path("telegram");
                if (!tg.path("enabled").asBoolean()) {
                    out.println("telegram: disabled");
                } else {
                    out.println("telegram: " + (tg.path("ready").asBoolean() ? "works" : "not ready: " + tg.path("problem").asText())
                            + (tg.path("bot").isTextual() ? ", bot @" + tg.path("bot").asText() : "")
                            + ", dmPolicy " + tg.path("dmPolicy").asText() + ", last update " + tg.path("lastUpdateId").asText("0"));
                }
                out.println("web: chat page at http://" + gw.bindHost() + ":" + gw.port() + "/");
                return ExitCodes.OK;
            }
            out.println("Gateway not reachable at " + gw.bindHost() + ":" + gw.port() + "; showing config-only status.");
            TelegramSettings tg = cfg.telegram();
            out.println("telegram: " + (tg.enabled() ? "enabled" : "disabled") + ", bot token " + Secrets.describe(tg.botToken())
                    + ", dmPolicy " + tg.dmPolicy().name().toLowerCase() + ", allowFrom " + tg.allowFrom().size() + " user(s)"
                    + ", streamMode " + tg.streamMode().name().toLowerCase() + ", textChunkLimit " + tg.textChunkLimit()
                    + ", command menu " + (tg.nativeCommands() ? "on" : "off") + ", API " + tg.apiRoot());
            out.println("web: chat page at http://" + gw.bindHost() + ":" + gw.port() + "/ when the gateway runs");
            return ExitCodes.OK;
        }

        private static Optional<JsonNode> askGateway(GatewaySettings gw) throws InterruptedException {
            String host = gw.bindHost().equals("0.0.0.0") || gw.bindHost().equals("::") ? "127.0.0.1" : gw.bindHost();
            if (host.contains(":")) {
                host = "[" + host + "]";
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + gw.port() + "/api/status"))
                    .timeout(Duration.ofSeconds(3)).GET();
            if (gw.hasToken()) {
                request.header("Authorization", "Bearer " + gw.authToken());
            }
            try {
                HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                        .send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    return Optional.empty();
                }
                return Optional.of(JSON.readTree(response.body()));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }
}
