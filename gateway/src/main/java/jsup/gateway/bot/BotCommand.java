package jsup.gateway.bot;

/** A slash command as typed by a person, parsed. */
public sealed interface BotCommand {

    record Help() implements BotCommand {
    }

    record Status() implements BotCommand {
    }

    /** {@code /model} alone shows; {@code /model N}, {@code /model provider/id} or {@code /model default} picks. */
    record Model(String argument) implements BotCommand {
    }

    record New() implements BotCommand {
    }

    record Restart() implements BotCommand {
    }

    /** {@code /logs <app> [lines]}; {@code app} is empty when not given. */
    record Logs(String app, int lines) implements BotCommand {
    }

    /** A slash word that is not one of ours. */
    record Unknown(String name) implements BotCommand {
    }
}
