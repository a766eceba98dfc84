package jsup.gateway.chat;

/**
 * The gateway's answer to one {@link ChatRequest}. A channel splits long text itself.
 *
 * @param text  the reply; never null
 * @param model the model that produced it, or the command name for a command reply
 *              (for example {@code "/status"}); shown in logs, never to the person
 */
public record ChatReply(String text, String model) {
}
