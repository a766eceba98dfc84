package jsup.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the loader refuses at load, with the key path, instead of failing later at start. */
class InputChecksTest extends LoaderTestSupport {

    private static String app(String name) {
        return "{\"script\": \"./ticker.sh\", \"name\": \"" + name + "\"}";
    }

    @Test
    void aNameTooLongForALogFileNameIsRefused() throws ConfigException {
        String longest = "n".repeat(AppNames.MAX_BYTES);
        String tooLong = "n".repeat(300);

        assertThat(load("ok.json", "[" + app(longest) + "]").apps()).hasSize(1);
        assertThat(problems("[" + app(tooLong) + "]")).singleElement().extracting(ConfigProblem::toString).asString()
                .startsWith("[0].name: \"nnn").endsWith("... is 300 bytes long; it is used in log file names, so use "
                        + "at most 128");
        // bytes, not characters: 43 three-byte characters are 129 bytes
        assertThat(problems("[" + app("€".repeat(43)) + "]")).extracting(ConfigProblem::path)
                .containsExactly("[0].name");
    }

    @Test
    void namesThatCannotBeFileNamesOrCollideWithTargetsAreRefused() {
        List<ConfigProblem> problems = problems("[" + String.join(",", app("a/b"), app("tab\\there"), app("nul\\u0000"),
                app("."), app(".."), app("all"), app("42"), app("default")) + "]");

        assertThat(problems).extracting(ConfigProblem::path).containsExactly(
                "[0].name", "[1].name", "[2].name", "[3].name", "[4].name", "[5].name", "[6].name", "[7].name");
        assertThat(problems.get(0).message()).contains("no / or control characters; " + AppNames.ALLOWED);
        assertThat(problems.get(3).message()).contains("it means a folder in file names; " + AppNames.ALLOWED);
        assertThat(problems.get(7).message()).startsWith("\"default\" cannot be a name: \"default\" is the namespace");
    }

    @Test
    void namesWithSpacesAndPunctuationAreFine() throws ConfigException {
        Ecosystem eco = load("ok.json", "[" + String.join(",", app("python3 -m http.server"),
                app("api:v2 (prod)"), app("..hidden"), app("café")) + "]");

        assertThat(eco.apps()).extracting(AppSpec::name)
                .containsExactly("python3 -m http.server", "api:v2 (prod)", "..hidden", "café");
    }

    @Test
    void aNameThatIsAnotherAppsNamespaceIsRefused() throws ConfigException {
        assertThat(problems("""
                [{"script": "./ticker.sh", "name": "web"}, {"script": "./server", "name": "api", "namespace": "web"},
                 {"script": "./server", "name": "db", "namespace": "web"}]
                """)).extracting(ConfigProblem::toString).containsExactly(
                "[0].name: \"web\" is also the namespace of api; a name and a namespace must differ, or "
                        + "`jsup restart web` could not mean both");
        // alone in a namespace of its own name: `jsup restart solo` means the same either way
        assertThat(load("solo.json",
                "{\"script\": \"./ticker.sh\", \"name\": \"solo\", \"namespace\": \"solo\"}").apps()).hasSize(1);
        assertThat(problems("{\"script\": \"./ticker.sh\", \"namespace\": \"all\"}")).extracting(ConfigProblem::path)
                .containsExactly("namespace");
    }

    @Test
    void anObjectOfAppsByNameUnderAppsIsRefusedWithTheListToWrite() {
        assertThat(problems("{\"apps\": {\"web\": {\"script\": \"./ticker.sh\"}, \"api\": {\"script\": \"./server\"}}}"))
                .extracting(ConfigProblem::toString).containsExactly(
                        "apps: is an object of apps by name (web, api), which PM2 does not read either; write a list: "
                                + "\"apps\": [{\"name\": \"web\", \"script\": ...}, ...]");
    }

    @Test
    void oneAppObjectUnderAppsIsReadAsPm2ReadsIt() throws ConfigException {
        Ecosystem eco = load("one.json", "{\"apps\": {\"script\": \"./ticker.sh\"}}");

        assertThat(eco.apps()).extracting(AppSpec::name).containsExactly("ticker");
    }

    @Test
    void unknownKeysSuggestOnlyCloseMatches() throws ConfigException {
        Ecosystem eco = load("e.json", """
                {"script": "./ticker.sh", "foo": 1, "nmae_prefix": "x", "autorestrat": false, "radio": 1,
                 "max_memory": "1G"}
                """);

        assertThat(eco.warnings()).containsExactly(
                "foo: unknown key; jsup ignores it",
                "nmae_prefix: unknown key; did you mean name_prefix?",
                "autorestrat: unknown key; did you mean autorestart?",
                "radio: unknown key; jsup ignores it",
                "max_memory: unknown key; did you mean max_memory_restart?");
        assertThat(KeyCatalog.nearest("foo", List.of("io"))).isEmpty();
        assertThat(KeyCatalog.nearest("nmae", List.of("name"))).contains("name");
    }

    @Test
    void jsonSyntaxErrorsGiveLineColumnAndAShortReasonOnly() {
        List<ConfigProblem> unclosed = problems("{\"apps\": [\n  {\"script\": \"./ticker.sh\"}\n");
        List<ConfigProblem> stray = problems("{\"apps\": [\n  {\"script\" \"./ticker.sh\"}]}");

        assertThat(unclosed).singleElement().extracting(ConfigProblem::message).asString()
                .startsWith("JSON syntax error at line 3, column 1: Unexpected end-of-input")
                .contains("(opened at line 1, column 10)").doesNotContain("Source").doesNotContain("REDACTED");
        assertThat(stray).singleElement().extracting(ConfigProblem::message).asString()
                .isEqualTo("JSON syntax error at line 2, column 13: Unexpected character ('\"'): was expecting a colon "
                        + "to separate field name and value");
    }

    @Test
    void yamlSyntaxErrorsGiveLineColumnAndAShortReasonOnly() {
        List<ConfigProblem> duplicate = problems("eco.yaml", "apps:\n  - script: ./ticker.sh\n    script: ./server\n");
        List<ConfigProblem> tab = problems("eco.yml", "apps:\n\t- script: ./ticker.sh\n");

        assertThat(duplicate).singleElement().extracting(ConfigProblem::message).asString()
                .startsWith("YAML syntax error at line 3, column").contains("Duplicate field 'script'")
                .doesNotContain("Source");
        assertThat(tab).singleElement().extracting(ConfigProblem::message).asString()
                .startsWith("YAML syntax error at line 2, column 1: ").doesNotContain("Source").doesNotContain("\n");
    }
}
