package jsup.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code sockets}: read in file order, refused with the key path and a fix, round-tripped through the dump. */
class SocketsKeyTest extends LoaderTestSupport {

    @Test
    void readsTcpAndUnixAddressesInFileOrder() throws Exception {
        AppSpec app = load("e.json", """
                {"apps": [{"name": "web", "script": "./ticker.sh", "sockets": [
                  {"name": "http", "listen": "127.0.0.1:8080"},
                  {"name": "admin", "listen": "[::1]:0"},
                  {"listen": "unix:./web.sock"},
                  {"name": "any", "listen": "0.0.0.0:9090"}]}]}
                """).apps().get(0);
        assertThat(app.sockets()).containsExactly(
                new SocketSpec("http", new SocketSpec.Tcp("127.0.0.1", 8080)),
                new SocketSpec("admin", new SocketSpec.Tcp("0:0:0:0:0:0:0:1", 0)),
                new SocketSpec("web", new SocketSpec.Unix(fx.project.resolve("web.sock"))),
                new SocketSpec("any", new SocketSpec.Tcp("0.0.0.0", 9090)));
        assertThat(app.sockets().get(1).listen().text()).isEqualTo("[0:0:0:0:0:0:0:1]:0");
    }

    @Test
    void badValuesAreRefusedWithTheirPathAndAFix() {
        String use = "use \"127.0.0.1:8080\", \"0.0.0.0:8080\", \"[::1]:8080\" or a socket path such as "
                + "\"/run/app.sock\"";
        assertThat(problems("""
                {"apps": [{"name": "web", "script": "./ticker.sh", "sockets": [
                  {"name": "http", "listen": "8080"},
                  {"name": "b", "listen": "example.com:80"},
                  {"name": "c", "listen": "127.0.0.1:70000"},
                  {"name": "d:e", "listen": "127.0.0.1:1"},
                  {"name": "f"},
                  {"name": "g", "listen": "127.0.0.1:2"},
                  {"name": "g", "listen": "127.0.0.1:3"},
                  {"name": "h", "listen": "127.0.0.1:2"}]},
                  {"name": "other", "script": "./ticker.sh", "sockets": {"listen": "127.0.0.1:8080"}}]}
                """)).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                "apps[0].sockets[0].listen: \"8080\" has no port; " + use,
                "apps[0].sockets[1].listen: \"example.com:80\" has no IP address before the port (jsup binds "
                        + "addresses, not host names; an IPv6 address goes in brackets); " + use,
                "apps[0].sockets[2].listen: \"127.0.0.1:70000\" has no port from 0 to 65535 after the last \":\"; "
                        + use,
                "apps[0].sockets[3].name: \"d:e\" is not a socket name; use 1-255 printable ASCII characters "
                        + "without spaces or \":\", e.g. \"http\"",
                "apps[0].sockets[4].listen: is missing; " + use,
                "apps[0].sockets[6].name: \"g\" is used by another socket of this app; give each socket its own name",
                "apps[0].sockets[7].listen: \"127.0.0.1:2\" is listed twice; remove one",
                "apps[1].sockets: {\"listen\":\"127.0.0.1:8080\"} is not a list; use [{\"name\": \"http\", "
                        + "\"listen\": \"127.0.0.1:8080\"}]");
    }

    @Test
    void aUnixPathLongerThanASocketAddressIsRefused() {
        String path = "/tmp/" + "x".repeat(120) + ".sock";
        assertThat(problems("{\"apps\": [{\"name\": \"web\", \"script\": \"./ticker.sh\", \"sockets\": "
                + "[{\"listen\": \"" + path + "\"}]}]}"))
                .extracting(ConfigProblem::toString).singleElement().asString()
                .startsWith("apps[0].sockets[0].listen: \"/tmp/xxx").contains(" is 130 bytes as a path (" + path + ")")
                .endsWith("longer than a socket address allows (107); use a shorter path");
    }

    @Test
    void severalInstancesCannotShareAHeldSocket() {
        assertThat(problems("""
                {"apps": [{"name": "web", "script": "./ticker.sh", "instances": 2,
                  "sockets": [{"name": "http", "listen": "127.0.0.1:8080"}]}]}
                """)).extracting(ConfigProblem::toString).singleElement().asString()
                .startsWith("apps[0].sockets: cannot be combined with instances > 1")
                .contains("increment_var");
    }

    @Test
    void survivesTheDumpRoundTrip() throws Exception {
        assertSurvivesTheDumpRoundTrip("""
                {"apps": [{"name": "web", "script": "./ticker.sh", "sockets": [
                  {"name": "http", "listen": "127.0.0.1:8080"}, {"name": "unix", "listen": "/tmp/web.sock"}]}]}
                """);
    }
}
