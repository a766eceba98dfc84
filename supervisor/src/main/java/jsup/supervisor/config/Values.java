package jsup.supervisor.config;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;

/** How error messages quote a bad value: in JSON form, so a string is in quotes and a number is not. */
final class Values {

    private static final int MAX = 80;

    private Values() {
    }

    static String quote(String text) {
        return shorten("\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"");
    }

    static String show(JsonNode value) {
        return value.isTextual() ? quote(value.textValue()) : shorten(value.toString());
    }

    private static String shorten(String text) {
        return text.length() <= MAX ? text : text.substring(0, MAX - 3) + "...";
    }
}
