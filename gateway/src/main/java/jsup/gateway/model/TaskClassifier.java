package jsup.gateway.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Sorts a message into a {@link TaskType} by plain rules, tried in order; the first that matches
 * wins. No model is asked: routing must be cheap, predictable and testable.
 *
 * <ol>
 *   <li>file analysis: an analysis verb together with a file, log, document or file name, or a
 *       message over 4000 characters (pasted content);</li>
 *   <li>debugging: errors, exceptions, stack traces, crashes, "not working", "fix";</li>
 *   <li>creative: poems, stories, lyrics, slogans, brainstorming (before CLI, so "a poem about
 *       git" is creative);</li>
 *   <li>CLI/commands: shell words and tools, "how do I run/install/...", a leading {@code $ };</li>
 *   <li>general: everything else.</li>
 * </ol>
 */
public final class TaskClassifier {

    static final int LONG_CONTENT = 4000;

    private static final Pattern ANALYSIS_VERB = word("analy[sz]e|analysis|summari[sz]e|summary|review|inspect|read through|look at|explain");
    private static final Pattern FILE_NOUN = Pattern.compile(
            "(?i)\\b(files?|documents?|logs?|logfiles?|pdfs?|csvs?|spreadsheets?|attach(ed|ment)s?)\\b"
            + "|\\b[\\w./-]+\\.(log|txt|csv|json|ya?ml|xml|md|pdf|py|js|ts|java|go|rs|c|cpp|h|sh|conf|ini|toml|sql|html|css|docx?)\\b");
    private static final Pattern DEBUGGING = word("errors?|exceptions?|stack ?traces?|tracebacks?|bugs?|debug(ging)?|crash(es|ed|ing)?"
            + "|segfault|fails?|failing|failed|broken|not working|doesn't work|does not work|fix(ing)?|panic|ENOSPC|EADDRINUSE");
    private static final Pattern CLI = Pattern.compile("(?i)^\\s*\\$ |"
            + "\\b(commands?|terminal|shell|bash|zsh|cli|sudo|apt(-get)?|npm|pip|git|systemctl|journalctl|docker|kubectl"
            + "|chmod|chown|grep|awk|sed|ssh|curl|pm2|jsup|cron(tab)?)\\b"
            + "|\\bhow (do|can) i (run|install|start|stop|kill|list|restart|check)\\b");
    private static final Pattern CREATIVE = word("poems?|poetry|story|stories|haiku|lyrics|song|creative|imagine|fiction|slogans?"
            + "|brainstorm|jokes?|limerick|tagline");

    private static final List<Rule> RULES = List.of(
            new Rule(TaskType.DEBUGGING, DEBUGGING),
            new Rule(TaskType.CREATIVE, CREATIVE),
            new Rule(TaskType.CLI, CLI));

    public TaskType classify(String text) {
        if (text.length() > LONG_CONTENT || (ANALYSIS_VERB.matcher(text).find() && FILE_NOUN.matcher(text).find())) {
            return TaskType.FILE_ANALYSIS;
        }
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(text).find()) {
                return rule.type();
            }
        }
        return TaskType.GENERAL;
    }

    private static Pattern word(String alternatives) {
        return Pattern.compile("(?i)\\b(" + alternatives + ")\\b");
    }

    private record Rule(TaskType type, Pattern pattern) {
    }
}
