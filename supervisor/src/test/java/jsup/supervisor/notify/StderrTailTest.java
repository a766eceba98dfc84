package jsup.supervisor.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stderr lines a notification carries are masked the way {@code jsup env} masks (SecretNames). */
class StderrTailTest {

    @TempDir
    Path tmp;

    private java.util.List<String> tail(String text, Map<String, String> env) throws Exception {
        Path file = tmp.resolve("app-error.log");
        Files.writeString(file, text);
        return StderrTail.read(file, env);
    }

    @Test
    void thePasswordOfAUrlInALineIsMaskedWhateverItsVariable() throws Exception {
        assertThat(tail("fetch https://bot:hunter22@api.example.com/v1 failed: 401\n"
                + "retry \"postgres://app:s3cr3t@db:5432/app\" in 5s\n"
                + "see https://docs.example.com/a@b and mail ops@example.com\n", Map.of()))
                .containsExactly("fetch https://bot:••••@api.example.com/v1 failed: 401",
                        "retry \"postgres://app:••••@db:5432/app\" in 5s",
                        "see https://docs.example.com/a@b and mail ops@example.com");
    }

    @Test
    void aUrlVariablesPasswordIsMaskedAlsoWhenPrintedAlone() throws Exception {
        assertThat(tail("login as app with s3cr3tpw\n",
                Map.of("DATABASE_URL", "postgres://app:s3cr3tpw@db/app", "MODE", "app")))
                .containsExactly("login as app with ••••");
    }

    @Test
    void secretNamedValuesAreMaskedAsBefore() throws Exception {
        assertThat(tail("token abcd1234secret rejected\n", Map.of("BOT_TOKEN", "abcd1234secret")))
                .containsExactly("token •••• rejected");
    }
}
