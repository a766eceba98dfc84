package jsup.gateway.model;

import java.util.Arrays;
import java.util.Optional;

/** What a message asks for; each type can be routed to its own model ({@code agents.defaults.taskRouting}). */
public enum TaskType {
    FILE_ANALYSIS("fileAnalysis"),
    CREATIVE("creative"),
    DEBUGGING("debugging"),
    CLI("cli"),
    GENERAL("general");

    private final String configKey;

    TaskType(String configKey) {
        this.configKey = configKey;
    }

    /** The key under {@code agents.defaults.taskRouting}. */
    public String configKey() {
        return configKey;
    }

    public static Optional<TaskType> fromConfigKey(String key) {
        return Arrays.stream(values()).filter(t -> t.configKey.equals(key)).findFirst();
    }
}
