package jsup.supervisor.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One request: {@code {"v":1,"id":"7","cmd":"stop","target":"web"}}. The arguments are the object's
 * other fields. The typed getters raise {@link ErrorCode#BAD_REQUEST} naming the field, so a
 * command handler never deals with a wrongly typed value.
 *
 * @param version the protocol version ({@code v})
 * @param id      the caller's correlation id ({@code id}, any JSON value, echoed in the response), or null
 * @param cmd     the command's wire name ({@code cmd})
 * @param args    every other field of the request
 */
public record ControlRequest(int version, JsonNode id, String cmd, ObjectNode args) {

    /** Builds a request the client sends. */
    public static ControlRequest of(String id, String cmd, ObjectNode args) {
        ObjectNode copy = args == null ? ControlProtocol.mapper().createObjectNode() : args.deepCopy();
        return new ControlRequest(ControlProtocol.VERSION,
                id == null ? null : ControlProtocol.mapper().getNodeFactory().textNode(id), cmd, copy);
    }

    /**
     * Parses one request line. The version is checked before the command, so a client of another
     * version always gets UNSUPPORTED_VERSION rather than a confusing error about a command.
     */
    public static ControlRequest parse(String line) throws ControlException {
        JsonNode root;
        try {
            root = ControlProtocol.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            throw new ControlException(ErrorCode.BAD_REQUEST,
                    "request is not valid JSON (" + e.getOriginalMessage() + "); send one JSON object per line");
        }
        if (root == null || !root.isObject()) {
            throw new ControlException(ErrorCode.BAD_REQUEST,
                    "request must be a JSON object like {\"v\":1,\"cmd\":\"ping\"}, got "
                            + (root == null ? "an empty line" : root.getNodeType().toString().toLowerCase()));
        }
        ObjectNode obj = (ObjectNode) root;
        JsonNode id = obj.get("id");
        JsonNode v = obj.get("v");
        if (v == null || !v.isIntegralNumber()) {
            throw new ControlException(ErrorCode.BAD_REQUEST,
                    "request lacks an integer \"v\" (protocol version); send \"v\":" + ControlProtocol.VERSION);
        }
        if (v.asInt() != ControlProtocol.VERSION) {
            throw new ControlException(ErrorCode.UNSUPPORTED_VERSION, "protocol version " + v.asText()
                    + " is not supported; this jsupd speaks version " + ControlProtocol.VERSION
                    + " (use a jsup CLI of the same release)");
        }
        JsonNode cmd = obj.get("cmd");
        if (cmd == null || !cmd.isTextual() || cmd.asText().isEmpty()) {
            throw new ControlException(ErrorCode.BAD_REQUEST,
                    "request lacks a \"cmd\" string, e.g. \"cmd\":\"list\"");
        }
        ObjectNode args = obj.deepCopy();
        args.remove(List.of("v", "id", "cmd"));
        return new ControlRequest(v.asInt(), id, cmd.asText(), args);
    }

    /** The request as one JSON line without the newline. */
    public String toLine() {
        ObjectNode obj = ControlProtocol.mapper().createObjectNode();
        obj.put("v", version);
        if (id != null) {
            obj.set("id", id);
        }
        obj.put("cmd", cmd);
        for (Map.Entry<String, JsonNode> f : args.properties()) {
            if (!f.getKey().equals("v") && !f.getKey().equals("id") && !f.getKey().equals("cmd")) {
                obj.set(f.getKey(), f.getValue());
            }
        }
        return obj.toString();
    }

    public boolean has(String field) {
        JsonNode n = args.get(field);
        return n != null && !n.isNull();
    }

    /** A string argument, or null when absent or JSON null. Numbers are accepted as their text. */
    public String optText(String field) throws ControlException {
        JsonNode n = args.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isTextual() || n.isNumber()) {
            return n.asText();
        }
        throw badType(field, "a string", n);
    }

    /** A required string argument. */
    public String text(String field) throws ControlException {
        String s = optText(field);
        if (s == null || s.isEmpty()) {
            throw new ControlException(ErrorCode.BAD_REQUEST,
                    "command \"" + cmd + "\" needs the argument \"" + field + "\"");
        }
        return s;
    }

    /** A list of strings: a JSON array of strings, or one string; empty when absent. */
    public List<String> strings(String field) throws ControlException {
        JsonNode n = args.get(field);
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isTextual() || n.isNumber()) {
            out.add(n.asText());
            return out;
        }
        if (!n.isArray()) {
            throw badType(field, "an array of strings", n);
        }
        for (JsonNode e : n) {
            if (!e.isTextual() && !e.isNumber()) {
                throw badType(field, "an array of strings", n);
            }
            out.add(e.asText());
        }
        return out;
    }

    /** A boolean argument, {@code dflt} when absent. */
    public boolean bool(String field, boolean dflt) throws ControlException {
        JsonNode n = args.get(field);
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (!n.isBoolean()) {
            throw badType(field, "true or false", n);
        }
        return n.asBoolean();
    }

    private ControlException badType(String field, String expected, JsonNode got) {
        String shown = got.toString();
        if (shown.length() > 80) {
            shown = shown.substring(0, 77) + "...";
        }
        return new ControlException(ErrorCode.BAD_REQUEST,
                "argument \"" + field + "\" of \"" + cmd + "\" must be " + expected + ", got " + shown);
    }
}
