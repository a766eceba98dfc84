package jsup.supervisor.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One response: {@code {"v":1,"id":"7","ok":true,"result":{…}}} or
 * {@code {"v":1,"id":"7","ok":false,"error":{"code":"UNKNOWN_APP","message":"…","problems":[…]}}}.
 *
 * @param id     the request's id, or null
 * @param result the result when ok, else null
 * @param error  the error when not ok, else null
 */
public record ControlResponse(JsonNode id, JsonNode result, ControlException error) {

    public static ControlResponse success(JsonNode id, JsonNode result) {
        return new ControlResponse(id, result == null ? ControlProtocol.mapper().createObjectNode() : result, null);
    }

    public static ControlResponse failure(JsonNode id, ControlException error) {
        return new ControlResponse(id, null, error);
    }

    public boolean ok() {
        return error == null;
    }

    /** The response as one JSON line without the newline. */
    public String toLine() {
        ObjectNode obj = ControlProtocol.mapper().createObjectNode();
        obj.put("v", ControlProtocol.VERSION);
        if (id != null) {
            obj.set("id", id);
        }
        obj.put("ok", ok());
        if (ok()) {
            obj.set("result", result);
        } else {
            ObjectNode err = obj.putObject("error");
            err.put("code", error.code().name());
            err.put("message", error.getMessage());
            if (!error.problems().isEmpty()) {
                ArrayNode problems = err.putArray("problems");
                for (ControlException.Problem p : error.problems()) {
                    problems.addObject().put("path", p.path()).put("message", p.message());
                }
            }
        }
        return obj.toString();
    }

    /** Parses a response line as the client receives it. */
    public static ControlResponse parse(String line) throws ControlException {
        JsonNode root;
        try {
            root = ControlProtocol.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            throw new ControlException(ErrorCode.INTERNAL, "jsupd sent a response that is not JSON: "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("ok").isBoolean()) {
            throw new ControlException(ErrorCode.INTERNAL, "jsupd sent a response without \"ok\": " + abbreviate(line));
        }
        JsonNode id = root.get("id");
        if (root.get("ok").asBoolean()) {
            return success(id, root.get("result"));
        }
        JsonNode err = root.path("error");
        List<ControlException.Problem> problems = new ArrayList<>();
        for (JsonNode p : err.path("problems")) {
            problems.add(new ControlException.Problem(p.path("path").asText(""), p.path("message").asText("")));
        }
        return failure(id, new ControlException(ErrorCode.fromWire(err.path("code").asText(null)),
                err.path("message").asText("(no message)"), problems));
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 197) + "..." : s;
    }
}
