package jsup.supervisor.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** {@code jsupd.json} cannot be used: every problem, each naming its key and the bad value. */
public final class WebSettingsException extends IOException {

    private final transient List<String> problems;

    public WebSettingsException(Path file, List<String> problems) {
        super(file + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
