package jsup.supervisor.config;

/** What an app waits for in a dependency before it starts ({@code depends_on}, process-compose's words). */
public enum DependencyCondition {
    /** The dependency's process runs. */
    STARTED("started"),
    /** The dependency is ready (its readiness signal arrived, or it has none). */
    HEALTHY("healthy"),
    /** The dependency ran and exited with code 0 (a migration, a one-shot setup step). */
    COMPLETED_SUCCESSFULLY("completed_successfully");

    private final String label;

    DependencyCondition(String label) {
        this.label = label;
    }

    /** The spelling in the ecosystem file. */
    public String label() {
        return label;
    }

    /** The condition spelled {@code label}, or null. */
    public static DependencyCondition fromLabel(String label) {
        for (DependencyCondition c : values()) {
            if (c.label.equals(label)) {
                return c;
            }
        }
        return null;
    }
}
