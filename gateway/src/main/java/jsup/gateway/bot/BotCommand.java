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

    /** A slash word that is not built in: a custom command, or unknown. {@code arguments} is what follows it. */
    record Unknown(String name, String arguments) implements BotCommand {

        public Unknown(String name) {
            this(name, "");
        }
    }
}
