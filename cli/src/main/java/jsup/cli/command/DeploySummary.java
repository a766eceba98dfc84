package jsup.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One line per app of jsupd's plan for a file ({@code "deploy"}), printed before it is carried out. */
final class DeploySummary {

    private DeploySummary() {
    }

    static List<String> lines(JsonNode deploy, String file) {
        String fileName = file.isEmpty() ? "the file" : String.valueOf(Path.of(file).getFileName());
        List<String> lines = new ArrayList<>();
        for (JsonNode entry : deploy) {
            String name = entry.path("name").asText();
            lines.add(name + ": " + switch (entry.path("change").asText()) {
                case "added" -> "added";
                case "changed" -> "changed (" + String.join(", ", DaemonCommand.names(entry.path("keys"))) + ")";
                case "unchanged" -> "unchanged";
                case "not_in_file" -> "in jsupd but not in " + fileName + "; left as it is (`jsup delete " + name
                        + "` removes it)";
                default -> entry.path("change").asText();
            });
        }
        return lines;
    }
}
