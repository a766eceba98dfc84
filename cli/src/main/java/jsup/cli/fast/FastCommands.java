package jsup.cli.fast;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jsup.cli.CliContext;
import jsup.cli.command.JsupVersion;
import jsup.cli.render.Ansi;
import jsup.cli.render.SecretMask;
import jsup.cli.render.StatusTable;
import jsup.cli.render.TerminalWidth;
import jsup.supervisor.control.ControlProtocol;
import jsup.supervisor.control.HumanUnits;

/**
 * Runs {@code jsup list|ls|status|l|ps [--json|--names]} and {@code jsup ping [--json]} against a jsupd that
 * already runs, printing exactly what {@code ListCommand} and {@code PingCommand} print, and
 * {@code jsup version|--version|-V}, which needs no daemon, as {@code VersionCommand} prints it. Returns
 * {@link #NOT_HANDLED} (having printed nothing) for any other command line and whenever anything is
 * off (no socket, an error answer, a timeout), so {@link jsup.cli.JsupCli} runs the command the full
 * way: it starts a daemon when none runs and explains every error.
 */
public final class FastCommands {

    /** Returned when the command is not for the fast path; nothing was printed. */
    public static final int NOT_HANDLED = -1;

    private static final Set<String> LIST_NAMES = Set.of("list", "ls", "status", "l", "ps");
    /** {@code jsup version} and picocli's standard version options: no daemon, no picocli needed. */
    private static final Set<String> VERSION_NAMES = Set.of("version", "--version", "-V");

    /**
     * A healthy jsupd answers list in milliseconds; past this the full client takes over, which tells
     * a busy jsupd (it waits on) from a hung one (exit 4 naming its pid).
     */
    private static final long TIMEOUT_MS = 2_000;

    private FastCommands() {
    }

    /** Runs {@code args} when it is a fast command; returns its exit code, or {@link #NOT_HANDLED}. */
    public static int run(CliContext ctx, String[] args) {
        if (args.length == 1 && VERSION_NAMES.contains(args[0])) {
            for (String line : new JsupVersion().getVersion()) {
                ctx.out().println(line);
            }
            ctx.out().flush();
            return 0;
        }
        Command command = Command.of(args);
        if (command == null) {
            return NOT_HANDLED;
        }
        String text;
        try {
            JsonNode result = call(ctx.jsupHome().resolve(ControlProtocol.SOCKET_FILE), command.wireName(),
                    command.arguments);
            text = command.render(result, ctx.colour(), TerminalWidth.of(ctx));
        } catch (IOException | RuntimeException e) {
            return NOT_HANDLED;
        }
        if (text == null) {
            return NOT_HANDLED;
        }
        ctx.out().print(text);
        ctx.out().flush();
        return 0;
    }

    /**
     * Loads and links what the fast path uses, on canned data and without a daemon, so the
     * class-data-sharing archive recorded on a jsup's first run covers it whatever that run was.
     */
    public static void rehearse(CliContext ctx) {
        BuiltinSelectorProvider.choose();
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
             Selector selector = Selector.open()) {
            ch.configureBlocking(false);
            StringWriter sink = new StringWriter();
            TerminalWidth.of(ctx);
            sink.write(String.join("\n", new JsupVersion().getVersion()));
            try {
                // No socket there: loads the round trip's own classes, which fail at the connect.
                DaemonRoundTrip.exchange(ctx.jsupHome().resolve("no-such-dir").resolve("rehearsal.sock"),
                        "{}", 1, 1);
            } catch (IOException expected) {
                // What a missing socket does; the classes are loaded, which is all this is for.
            }
            JsonNode list = result(JsonTrees.parse(Rehearsal.LIST_RESPONSE));
            JsonNode pong = result(JsonTrees.parse(Rehearsal.PING_RESPONSE));
            for (boolean colour : new boolean[] {false, true}) {
                sink.write(Command.LIST.render(list, colour, 40));
                sink.write(Command.LIST_JSON.render(list, colour, 0));
                sink.write(Command.PING.render(pong, colour, 0));
                sink.write(Command.PING_JSON.render(pong, colour, 0));
            }
        } catch (IOException | RuntimeException e) {
            // Only a warm-up for the archive: a failure here costs speed, never correctness.
        }
    }

    private static JsonNode call(Path socket, String cmd, String arguments) throws IOException {
        // StringBuilder, not +: the first indy string concatenation costs a fresh JVM about 10 ms.
        String request = new StringBuilder("{\"v\":").append(ControlProtocol.VERSION)
                .append(",\"id\":\"1\",\"cmd\":\"").append(cmd).append('"').append(arguments).append('}')
                .toString();
        JsonNode response = JsonTrees.parse(
                DaemonRoundTrip.exchange(socket, request, TIMEOUT_MS, ControlProtocol.MAX_RESPONSE_BYTES));
        if (!"1".equals(response.path("id").asText(null))) {
            throw new IOException("jsupd answered another request");
        }
        return result(response);
    }

    /** The {@code result} of a successful response; an error answer is for the full client to explain. */
    private static JsonNode result(JsonNode response) throws IOException {
        JsonNode result = response.get("result");
        if (!response.path("ok").asBoolean(false) || result == null || !result.isObject()) {
            throw new IOException("jsupd did not answer ok");
        }
        return result;
    }

    /** The fast commands: what to ask jsupd and how to print its answer. */
    private enum Command {
        LIST("list", tableFields()), LIST_JSON("list", ",\"metrics\":true"), NAMES("list", tableFields()),
        PING("ping"), PING_JSON("ping");

        private final String wireName;
        /** Arguments appended to the request object, each starting with a comma. */
        private final String arguments;

        Command(String wireName) {
            this(wireName, "");
        }

        Command(String wireName, String arguments) {
            this.wireName = wireName;
            this.arguments = arguments;
        }

        /** {@code ,"fields":[...]}: the table's fields only ({@code ListCommand} asks the same). */
        private static String tableFields() {
            StringBuilder b = new StringBuilder(",\"fields\":[");
            for (int i = 0; i < StatusTable.FIELDS.size(); i++) {
                b.append(i == 0 ? "\"" : ",\"").append(StatusTable.FIELDS.get(i)).append('"');
            }
            return b.append(']').toString();
        }

        /** The command {@code args} spell, or null when they are anything else. */
        static Command of(String[] args) {
            if (args.length == 0 || args.length > 2) {
                return null;
            }
            if (args.length == 2 && args[1].equals("--names")) {
                return LIST_NAMES.contains(args[0]) ? NAMES : null;
            }
            boolean json = args.length == 2;
            if (json && !args[1].equals("--json")) {
                return null;
            }
            if (LIST_NAMES.contains(args[0])) {
                return json ? LIST_JSON : LIST;
            }
            if (args[0].equals("ping")) {
                return json ? PING_JSON : PING;
            }
            return null;
        }

        String wireName() {
            return wireName;
        }

        /** What the picocli command prints for {@code result} in {@code width} columns (0: any), or null when it is not the expected shape. */
        String render(JsonNode result, boolean colour, int width) throws IOException {
            return switch (this) {
                case LIST -> table(result.get("apps"), colour, width);
                case LIST_JSON -> result.path("apps").isArray()
                        ? JsonTrees.pretty(SecretMask.mask(result.get("apps"))).concat("\n") : null;
                case NAMES -> result.path("apps").isArray() ? StatusTable.names(result.get("apps")) : null;
                case PING -> pong(result);
                case PING_JSON -> JsonTrees.pretty(result).concat("\n");
            };
        }

        /** As {@code ListCommand}: the table, and a hint when there are no apps. */
        private static String table(JsonNode apps, boolean colour, int width) {
            if (apps == null || !apps.isArray()) {
                return null;
            }
            List<JsonNode> list = new ArrayList<>(apps.size());
            apps.forEach(list::add);
            String table = StatusTable.render(list, Ansi.of(colour), width);
            return list.isEmpty() ? table.concat("[jsup] no apps yet; start some: jsup start ecosystem.json\n") : table;
        }

        /** As {@code PingCommand}. */
        private static String pong(JsonNode pong) {
            return new StringBuilder("pong: jsupd pid ").append(pong.path("pid").asLong())
                    .append(", version ").append(pong.path("version").asText())
                    .append(", up ").append(HumanUnits.uptime(pong.path("uptime_ms").asLong()))
                    .append(", ").append(pong.path("apps").asInt())
                    .append(" app(s), home ").append(pong.path("home").asText()).append('\n').toString();
        }
    }
}
