package jsup.gateway.model;

/**
 * The built-in {@code offline} provider: answers when no model can be called at all (none
 * configured, or no key), saying so plainly and listing what still works. It never pretends to be
 * a model.
 */
public final class OfflineResponder {

    public static final String LABEL = "offline";

    private OfflineResponder() {
    }

    /**
     * @param reason   why no model can be called, for example "no model is configured"
     * @param commands the commands the person can still use, such as "/help, /status"
     */
    public static String reply(String reason, String commands) {
        return "[offline: no model connected] " + reason + ", so I cannot answer free text.\n"
                + "Commands that work: " + commands + ".\n"
                + "To connect a model, set agents.defaults.model in the gateway config and give its provider a key "
                + "(for OpenRouter: OPENROUTER_API_KEY in the environment or the .env beside the config).";
    }
}
