package jsup.gateway.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailureKindTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "401 | {\"error\":{\"message\":\"No auth credentials found\"}} | AUTH | true",
            "403 | forbidden | AUTH | true",
            "402 | {\"error\":{\"message\":\"Insufficient credits\"}} | BILLING | true",
            "408 | timeout | TIMEOUT | true",
            "429 | {\"error\":{\"message\":\"Rate limit exceeded\"}} | RATE_LIMIT | true",
            "500 | oops | SERVER_ERROR | true",
            "503 | overloaded | SERVER_ERROR | true",
            "400 | {\"error\":{\"message\":\"mistralai/mistral-devstral-2 is not a valid model ID\",\"code\":400}} | UNKNOWN_MODEL | true",
            "404 | {\"error\":{\"message\":\"The model `x` does not exist\",\"code\":\"model_not_found\"}} | UNKNOWN_MODEL | true",
            "404 | {\"error\":{\"message\":\"No endpoints found for meta-llama/x:free.\"}} | UNKNOWN_MODEL | true",
            "400 | {\"error\":{\"message\":\"This endpoint's maximum context length is 8192 tokens\"}} | BAD_REQUEST | false",
            "422 | {\"error\":{\"message\":\"temperature must be <= 2\"}} | BAD_REQUEST | false",
    })
    void classifiesHttpFailures(int status, String body, FailureKind expected, boolean failsOver) {
        FailureKind kind = FailureKind.ofHttp(status, body);
        assertThat(kind).isEqualTo(expected);
        assertThat(kind.failsOver()).isEqualTo(failsOver);
    }
}
