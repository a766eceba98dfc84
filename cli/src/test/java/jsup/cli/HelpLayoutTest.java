package jsup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jsup.cli.command.JsupCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The top-level command list shows one meaningful line per command; descriptions wrap at spaces only. */
class HelpLayoutTest {

    @Test
    void topLevelHelpListsEveryCommandWithItsOneLineSummary() {
        CliRun.Result r = CliRun.run(Map.of(), "--help");
        assertThat(r.exitCode()).isZero();
        String commands = r.out().substring(r.out().indexOf("Commands:"), r.out().indexOf("Exit codes:"));
        for (Map.Entry<List<String>, Class<?>> e : JsupCommand.SUBCOMMANDS) {
            String name = e.getKey().get(0);
            String summary = JsupCommand.SUMMARIES.get(name);
            assertThat(summary).as("summary of %s", name).isNotBlank().doesNotEndWith(":");
            String row = commands.lines().filter(l -> l.startsWith("  " + String.join(", ", e.getKey()) + " "))
                    .findFirst().orElseThrow(() -> new AssertionError(name + " missing in\n" + commands));
            assertThat(row).as("row of %s fits 80 columns with its whole summary", name)
                    .endsWith(summary).hasSizeLessThanOrEqualTo(80);
        }
        assertThat(commands).doesNotContain("Start apps:");
    }

    @Test
    void startupHelpNeverSplitsAPathAtAnyWidth() {
        for (int w = 55; w <= 160; w++) {
            int width = w;
            String help = usage("startup", width);
            assertThat(help).as("startup --help at %d columns", width)
                    .contains("~/.config/systemd/user/jsup.service")
                    .contains("/etc/systemd/system/jsup-<user>.service");
            assertThat(help.lines()).as("lines at %d", width).allMatch(l -> l.length() <= width);
        }
    }

    @Test
    void wrapBreaksAtSpacesKeepsIndentAndLeavesALongWordWhole() {
        assertThat(HelpLayout.wrap("one two three", 7)).containsExactly("one two", "three");
        assertThat(HelpLayout.wrap("  ab cd ef", 7)).containsExactly("  ab cd", "  ef");
        assertThat(HelpLayout.wrap("a ~/.config/systemd/user/jsup.service b", 10))
                .containsExactly("a", "~/.config/systemd/user/jsup.service", "b");
        assertThat(HelpLayout.wrap("  jsup start a.json     every app", 80))
                .containsExactly("  jsup start a.json     every app");
    }

    private static String usage(String command, int width) {
        StringWriter out = new StringWriter();
        CliContext ctx = new CliContext(Map.of(), new PrintWriter(out), new PrintWriter(new StringWriter()), false,
                Path.of(""));
        CommandLine cl = JsupCli.create(ctx, new String[] {command}).getSubcommands().get(command);
        cl.setUsageHelpAutoWidth(false);
        cl.setUsageHelpWidth(width);
        return cl.getUsageMessage();
    }
}
