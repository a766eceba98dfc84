package jsup.gateway.telegram;

/**
 * What the channel reports to {@code /readyz} and {@code channels status}.
 *
 * @param running      started and not yet stopped (the polling thread is alive)
 * @param botUsername  the bot's username from {@code getMe}, or null until it has answered
 * @param lastError    the latest failure not yet followed by a successful poll (redacted: never
 *                     contains the token), or null when the last poll went well
 * @param lastUpdateId the highest update id handled and persisted, 0 when none yet
 */
public record TelegramStatus(boolean running, String botUsername, String lastError, long lastUpdateId) {

    /** Running, identified by Telegram, and the last poll succeeded. */
    public boolean healthy() {
        return running && botUsername != null && lastError == null;
    }
}
