package jsup.gateway.bot;

import java.io.IOException;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import jsup.gateway.chat.BotCommandInfo;
import jsup.gateway.chat.BuiltInCommands;
import jsup.gateway.chat.ChatHandler;
import jsup.gateway.chat.ChatReply;
import jsup.gateway.chat.ChatRequest;
import jsup.gateway.config.CustomCommand;
import jsup.gateway.config.GatewayConfig;
import jsup.gateway.logging.Secrets;
import jsup.gateway.model.ChatMessage;
import jsup.gateway.model.ModelAnswer;
import jsup.gateway.model.ModelRef;
import jsup.gateway.model.ModelRouter;
import jsup.gateway.model.ModelSettings;
import jsup.gateway.model.TaskType;
import jsup.gateway.ops.SupervisorLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one router every channel talks to (Telegram, the web chat page, {@code POST /api/chat}):
 * slash commands are answered here, anything else goes to the {@link ModelRouter} with the chat's
 * recent history. Reads the config per message, so a reload applies to the next message.
 *
 * <p>{@code /restart} and {@code /logs} are operator commands; {@link OperatorCheck} says who may
 * run them. Every reply, app log lines included, passes through {@link Secrets#redact}, as the
 * gateway's own log does.
 */
public final class ChatRouter implements ChatHandler {

    public static final List<BotCommandInfo> COMMANDS = BuiltInCommands.MENU;

    static final String COMMANDS_HELP = "/help, /status, /model, /new, /restart, /logs <app>";

    /** Words people try for "every app"; jsupd has no such app, so they get the usage instead. */
    private static final Set<String> ALL_APPS = Set.of("all", "default", "*");

    /** Telegram's limit on menu entries. */
    static final int MAX_MENU = 100;

    private static final Logger LOG = LoggerFactory.getLogger(ChatRouter.class);

    private final Supplier<GatewayConfig> config;
    private final ModelRouter models;
    private final ChatSessions sessions;
    private final SupervisorLink supervisor;
    private final RestartAction restart;
    private final StatusSource status;

    public ChatRouter(Supplier<GatewayConfig> config, ModelRouter models, ChatSessions sessions, SupervisorLink supervisor,
                      RestartAction restart, StatusSource status) {
        this.config = config;
        this.models = models;
        this.sessions = sessions;
        this.supervisor = supervisor;
        this.restart = restart;
        this.status = status;
    }

    /** The built-ins, then the custom commands in config order, at most Telegram's 100 entries. */
    @Override
    public List<BotCommandInfo> commands() {
        List<BotCommandInfo> menu = new ArrayList<>(COMMANDS);
        for (CustomCommand c : config.get().commands().custom()) {
            menu.add(new BotCommandInfo(c.command(), c.description()));
        }
        return menu.size() > MAX_MENU ? List.copyOf(menu.subList(0, MAX_MENU)) : List.copyOf(menu);
    }

    @Override
    public ChatReply handle(ChatRequest request) {
        String text = request.text() == null ? "" : request.text().strip();
        String chat = request.channel() + ":" + request.chatId();
        if (text.isEmpty()) {
            return new ChatReply("Send a message, or /help for the commands.", "/help");
        }
        return CommandParser.parse(text).map(command -> {
            LOG.info("chat {} user {}: command {}", chat, request.userId(), text.split("\\s", 2)[0]);
            if (command instanceof BotCommand.Unknown unknown) {
                Optional<CustomCommand> custom = customCommand(unknown.name());
                if (custom.isPresent()) {
                    return runCustom(custom.get(), unknown.arguments(), request, text, chat);
                }
            }
            return runCommand(command, request);
        }).orElseGet(() -> ask(request, text, chat));
    }

    private Optional<CustomCommand> customCommand(String name) {
        return config.get().commands().custom().stream().filter(c -> c.command().equals(name)).findFirst();
    }

    /** A fixed reply, or the model asked with the configured prompt (arguments appended), else with what was typed. */
    private ChatReply runCustom(CustomCommand command, String arguments, ChatRequest request, String text, String chat) {
        if (command.reply() != null) {
            return reply(command.reply(), "/" + command.command());
        }
        if (command.prompt() != null) {
            return ask(request, arguments.isEmpty() ? command.prompt() : command.prompt() + "\n\n" + arguments, chat);
        }
        return ask(request, text, chat);
    }

    private ChatReply ask(ChatRequest request, String text, String chat) {
        ChatSession session = sessions.get(request.channel(), request.chatId());
        ModelSettings settings = config.get().models();
        ModelRef chosen = session.chosenModel();
        if (chosen != null && !settings.configuredModels().contains(chosen)) {
            chosen = null; // the config no longer names it
        }
        List<ChatMessage> history = session.history();
        if (history.size() > settings.historyLimit()) {
            history = history.subList(history.size() - settings.historyLimit(), history.size());
        }
        LOG.info("chat {} user {}: message of {} chars, {} earlier turns", chat, request.userId(), text.length(), history.size());
        try {
            ModelAnswer answer = models.answer(settings, chosen, history, text, COMMANDS_HELP);
            if (answer.answered()) {
                session.record(text, answer.text(), settings.historyLimit());
            }
            return new ChatReply(answer.text(), answer.model());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ChatReply("⚠️ The gateway is shutting down; please send that again in a moment.", "none");
        }
    }

    private ChatReply runCommand(BotCommand command, ChatRequest request) {
        if (command instanceof BotCommand.Help) {
            return reply(help(), "/help");
        } else if (command instanceof BotCommand.Status) {
            return reply(statusText(request), "/status");
        } else if (command instanceof BotCommand.Model model) {
            return reply(model(model.argument(), request), "/model");
        } else if (command instanceof BotCommand.New) {
            sessions.get(request.channel(), request.chatId()).forget();
            return reply("🆕 Conversation forgotten. The next message starts fresh.", "/new");
        } else if (command instanceof BotCommand.Restart) {
            return reply(restart(request), "/restart");
        } else if (command instanceof BotCommand.Logs logs) {
            return reply(logs(logs, request), "/logs");
        }
        String name = ((BotCommand.Unknown) command).name();
        return reply("Unknown command /" + name + ". /help lists the commands.", "/" + name);
    }

    private static ChatReply reply(String text, String command) {
        return new ChatReply(Secrets.redact(text), command);
    }

    private String help() {
        StringBuilder sb = new StringBuilder("Commands:\n");
        for (BotCommandInfo c : commands()) {
            sb.append('/').append(c.command()).append(" - ").append(c.description()).append('\n');
        }
        sb.append("Anything else is answered by a model (or, with no model connected, by the offline notice).");
        return sb.toString();
    }

    private String statusText(ChatRequest request) {
        GatewayConfig cfg = config.get();
        ModelSettings ms = cfg.models();
        StringBuilder sb = new StringBuilder("jsup gateway, up ").append(format(status.uptime())).append('\n');
        sb.append("Config: ").append(cfg.source()).append('\n');
        sb.append("Model chain: ").append(ms.chain().isEmpty() ? "none configured (offline replies)"
                : ms.chain().stream().map(ModelRef::toString).collect(Collectors.joining(" -> "))).append('\n');
        if (!ms.taskRouting().isEmpty()) {
            sb.append("Task routing: ").append(ms.taskRouting().entrySet().stream()
                    .map((Map.Entry<TaskType, ModelRef> e) -> e.getKey().configKey() + " -> " + e.getValue())
                    .collect(Collectors.joining(", "))).append('\n');
        }
        ModelRef chosen = sessions.get(request.channel(), request.chatId()).chosenModel();
        sb.append("This chat: ").append(chosen == null ? "automatic model choice" : chosen.toString()).append('\n');
        for (String line : status.componentLines()) {
            sb.append(line).append('\n');
        }
        sb.append("/restart: ").append(cfg.commands().restart() ? "enabled" : "disabled").append('\n');
        if (supervisor.reachable()) {
            sb.append("Supervised apps (jsupd):\n").append(supervisor.statusTable().orElse("(jsupd returned no table)"));
        } else {
            sb.append("jsupd: not reachable (").append(supervisor.unreachableReason()).append(")");
        }
        return sb.toString().strip();
    }

    private String model(String argument, ChatRequest request) {
        ChatSession session = sessions.get(request.channel(), request.chatId());
        List<ModelRef> configured = config.get().models().configuredModels();
        if (configured.isEmpty()) {
            return "No models are configured (agents.defaults.model), so replies come from the offline notice.";
        }
        String arg = argument.strip();
        if (arg.isEmpty()) {
            ModelRef chosen = session.chosenModel();
            StringBuilder sb = new StringBuilder("This chat uses: ")
                    .append(chosen == null ? "automatic (task routing, then the primary model)" : chosen.toString())
                    .append("\nConfigured models:\n");
            for (int i = 0; i < configured.size(); i++) {
                sb.append(i + 1).append(". ").append(configured.get(i)).append(i == 0 ? " (primary)" : "").append('\n');
            }
            return sb.append("Pick one with /model <number> or /model <provider/id>; /model default goes back to automatic.").toString();
        }
        if (arg.equalsIgnoreCase("default") || arg.equalsIgnoreCase("auto")) {
            session.choose(null);
            return "This chat is back to automatic model choice.";
        }
        ModelRef picked = null;
        if (arg.matches("\\d{1,3}")) {
            int n = Integer.parseInt(arg);
            if (n >= 1 && n <= configured.size()) {
                picked = configured.get(n - 1);
            }
        } else {
            for (ModelRef m : configured) {
                if (m.toString().equals(arg) || m.modelId().equals(arg)) {
                    picked = m;
                    break;
                }
            }
        }
        if (picked == null) {
            return "\"" + arg + "\" is not one of the configured models. Send /model to see the list.";
        }
        session.choose(picked);
        return "This chat now asks " + picked + " first (then the fallback chain).";
    }

    private String restart(ChatRequest request) {
        GatewayConfig cfg = config.get();
        if (!cfg.commands().restart()) {
            return "⚠️ /restart is disabled. Set commands.restart to true in " + cfg.source() + " to enable it.";
        }
        Optional<String> refused = OperatorCheck.refusal("restart", request, cfg);
        if (refused.isPresent()) {
            return refused.get();
        }
        restart.restartSoon(request.channel() + " user " + request.userId());
        return supervisor.reachable()
                ? "⚙️ Restarting the gateway: jsupd restarts it in a moment."
                : "⚙️ Restarting the gateway: it exits in a moment and its supervisor starts it again.";
    }

    private String logs(BotCommand.Logs logs, ChatRequest request) {
        if (logs.app().isEmpty()) {
            return "Usage: /logs <app> [lines], for example /logs moltbot-gateway 40";
        }
        if (ALL_APPS.contains(logs.app().toLowerCase(Locale.ROOT))) {
            return "/logs shows one app at a time: /logs <app> [lines], for example /logs moltbot-gateway 40. "
                    + "/status lists the supervised apps.";
        }
        Optional<String> refused = OperatorCheck.refusal("logs", request, config.get());
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            List<String> lines = supervisor.logTail(logs.app(), logs.lines());
            if (lines.isEmpty()) {
                return logs.app() + " has no log lines yet.";
            }
            return "Logs of " + logs.app() + ":\n" + String.join("\n", lines);
        } catch (IOException e) {
            return "⚠️ Cannot read the logs of " + logs.app() + ": " + e.getMessage();
        }
    }

    static String format(Duration d) {
        long s = d.getSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m " + (s % 60) + "s";
        }
        if (s < 86400) {
            return (s / 3600) + "h " + (s % 3600 / 60) + "m";
        }
        return (s / 86400) + "d " + (s % 86400 / 3600) + "h";
    }
}
