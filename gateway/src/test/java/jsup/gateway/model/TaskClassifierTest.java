package jsup.gateway.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskClassifierTest {

    private final TaskClassifier classifier = new TaskClassifier();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Please analyze the attached log file | FILE_ANALYSIS",
            "summarize report.pdf for me | FILE_ANALYSIS",
            "Why does my script crash with a NullPointerException? | DEBUGGING",
            "fix this error in app.py | DEBUGGING",
            "the gateway is not working since the update | DEBUGGING",
            "how do I restart the service with systemctl | CLI",
            "$ ls -la /var/log | CLI",
            "what git command undoes the last commit | CLI",
            "write a poem about the sea | CREATIVE",
            "write a poem about git | CREATIVE",
            "brainstorm names for my cat | CREATIVE",
            "what is the capital of France | GENERAL",
            "hello | GENERAL",
    })
    void classifiesByPlainRules(String text, TaskType expected) {
        assertThat(classifier.classify(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"4001, FILE_ANALYSIS", "4000, GENERAL"})
    void longPastedContentIsFileAnalysis(int length, TaskType expected) {
        assertThat(classifier.classify("x".repeat(length))).isEqualTo(expected);
    }
}
