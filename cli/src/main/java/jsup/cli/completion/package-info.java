/**
 * Shell completion for {@code jsup completion bash|zsh|fish}: a model read from the picocli
 * commands ({@link jsup.cli.completion.CompletionModel}) and one script writer per shell
 * ({@link jsup.cli.completion.Shell}). App names come from {@code jsup list --names} at completion time.
 */
package jsup.cli.completion;
