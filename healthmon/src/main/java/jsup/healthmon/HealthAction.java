package jsup.healthmon;

/** What jsupd does when an app's probes reach their failure threshold. */
public enum HealthAction {
    /** Restart the app through the normal stop path. The default. */
    RESTART,
    /** Only log the failure (and show it in {@code jsup list}). */
    LOG
}
