/**
 * Talking to language models: OpenAI-compatible chat completions over {@code java.net.http}, the
 * task-type classifier, the fallback chain and the reasons it moves on, the start-up check of
 * model ids against a provider's {@code /models}, and the clearly labelled {@code offline}
 * responder used when no provider can be reached with a key.
 *
 * <p>Depends on Jackson, SLF4J and {@link jsup.gateway.logging}. Knows nothing about chats,
 * commands or channels; the bot package calls {@link jsup.gateway.model.ModelRouter}.
 */
package jsup.gateway.model;
