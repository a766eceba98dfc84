package jsup.cli.logs;

/** One line read from a {@link LogSource}, without its line terminator. */
public record LogLine(LogSource source, String text) {
}
