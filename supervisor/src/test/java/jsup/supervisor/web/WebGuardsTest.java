package jsup.supervisor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listener's guards without a listener: Host check, token, settings and their refusals. */
class WebGuardsTest {

    @TempDir
    Path tmp;

    @Test
    void hostHeaderMustBeAnIpLiteralLocalhostOrAConfiguredName() {
        HostCheck check = new HostCheck(9615, List.of("metrics.example.org"));
        assertThat(check.accepts("127.0.0.1:9615")).isTrue();
        assertThat(check.accepts("localhost:9615")).isTrue();
        assertThat(check.accepts("[::1]:9615")).isTrue();
        assertThat(check.accepts("127.0.0.1")).isTrue();
        assertThat(check.accepts("Metrics.Example.org:9615")).isTrue();
        // DNS rebinding: an attacker's name that resolves to 127.0.0.1.
        assertThat(check.accepts("evil.example:9615")).isFalse();
        assertThat(check.accepts("127.0.0.1.evil.example:9615")).isFalse();
        assertThat(check.accepts("localhost:80")).isFalse();
        assertThat(check.accepts(null)).isFalse();
        assertThat(check.accepts("[::1")).isFalse();
    }

    @Test
    void tokenFileIsOwnerOnlyFromTheStartAndKeptAcrossLoads() throws Exception {
        Path file = tmp.resolve("web.token");
        WebToken first = WebToken.loadOrCreate(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String token = Files.readString(file).trim();
        assertThat(token).hasSize(64);
        assertThat(first.accepts("Bearer " + token)).isTrue();
        assertThat(first.accepts("bearer " + token)).isTrue();
        assertThat(first.accepts("Bearer " + token.substring(1))).isFalse();
        assertThat(first.accepts(token)).isFalse();
        assertThat(first.accepts(null)).isFalse();
        assertThat(WebToken.loadOrCreate(file).accepts("Bearer " + token)).isTrue();
    }

    @Test
    void aTokenFileOthersCanReadIsRefusedSayingWhatToDo() throws Exception {
        Path file = tmp.resolve("web.token");
        Files.writeString(file, "x".repeat(64));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> WebToken.loadOrCreate(file)).hasMessageContaining("readable by others")
                .hasMessageContaining("chmod 600");
    }

    @Test
    void nonLoopbackBindWithoutTlsIsRefusedSayingWhy() {
        WebSettings open = WebSettings.DEFAULTS.withAddress(9615, "0.0.0.0");
        assertThat(open.problems()).singleElement().asString().contains("0.0.0.0 is reachable from other machines")
                .contains("web.tls");
        assertThat(WebSettings.DEFAULTS.problems()).isEmpty();
        assertThat(WebSettings.DEFAULTS.withAddress(9615, "::1").problems()).isEmpty();
        assertThat(WebSettings.DEFAULTS.withAddress(70000, "127.0.0.1").problems()).singleElement().asString()
                .contains("70000 is not a TCP port");
    }

    @Test
    void settingsFileListsEveryProblemWithItsKey() throws Exception {
        Path file = tmp.resolve("jsupd.json");
        Files.writeString(file, "{\"web\": {\"enabled\": \"yes\", \"port\": \"x\", \"public\": [\"/api\"], \"colour\": 1}}");
        assertThatThrownBy(() -> WebSettings.read(file)).isInstanceOf(WebSettingsException.class)
                .satisfies(e -> assertThat(((WebSettingsException) e).problems()).hasSize(3))
                .hasMessageContaining("web.enabled: \"yes\" is not true or false")
                .hasMessageContaining("web.port: \"x\" is not a TCP port")
                .hasMessageContaining("web.colour: unknown key");
        Files.writeString(file, "{\"web\": {\"public\": [\"/api\"]}}");
        assertThatThrownBy(() -> WebSettings.read(file)).hasMessageContaining("\"/api\" may not be public");
        Files.writeString(file, "{\"web\": {");
        assertThatThrownBy(() -> WebSettings.read(file)).hasMessageContaining("line 1");
    }

    @Test
    void settingsRoundTripThroughTheFileKeepingOtherBlocks() throws Exception {
        Path file = tmp.resolve("jsupd.json");
        Files.writeString(file, "{\"other\": {\"kept\": true}}");
        WebSettings s = new WebSettings(true, 9700, "127.0.0.1", List.of("/metrics"), List.of("box.lan"), null);
        s.write(file);
        assertThat(WebSettings.read(file)).isEqualTo(s);
        assertThat(Files.readString(file)).contains("\"kept\" : true");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(WebSettings.read(tmp.resolve("absent.json"))).isEqualTo(WebSettings.DEFAULTS);
    }
}
