package jsup.gateway.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandParserTest {

    @Test
    void parsesCommandsWithBotNamesAndArguments() {
        assertThat(CommandParser.parse("/help")).contains(new BotCommand.Help());
        assertThat(CommandParser.parse("/start")).contains(new BotCommand.Help());
        assertThat(CommandParser.parse("/status@MoltBot")).contains(new BotCommand.Status());
        assertThat(CommandParser.parse("/model 2")).contains(new BotCommand.Model("2"));
        assertThat(CommandParser.parse("/MODEL")).contains(new BotCommand.Model(""));
        assertThat(CommandParser.parse("/new")).contains(new BotCommand.New());
        assertThat(CommandParser.parse("/restart")).contains(new BotCommand.Restart());
        assertThat(CommandParser.parse("/logs web 10")).contains(new BotCommand.Logs("web", 10));
        assertThat(CommandParser.parse("/logs web")).contains(new BotCommand.Logs("web", CommandParser.DEFAULT_LOG_LINES));
        assertThat(CommandParser.parse("/logs web 99999")).contains(new BotCommand.Logs("web", CommandParser.DEFAULT_LOG_LINES));
        assertThat(CommandParser.parse("/logs web 5000")).contains(new BotCommand.Logs("web", CommandParser.MAX_LOG_LINES));
        assertThat(CommandParser.parse("/think hard")).contains(new BotCommand.Unknown("think", "hard"));
    }

    @Test
    void plainTextIsNotACommand() {
        assertThat(CommandParser.parse("hello /help")).isEmpty();
        assertThat(CommandParser.parse("/usr/bin/env is a path")).isEmpty();
        assertThat(CommandParser.parse("")).isEmpty();
        assertThat(CommandParser.parse(null)).isEmpty();
    }
}
