package jsup.supervisor.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The web dashboard (docs/dashboard.md) in a real browser: Debian's chromium driven by Selenium
 * through chromedriver, one jsupd with the listener on, real apps. Skipped where chromium or
 * chromedriver is missing ({@code .ci/run} installs both). The refusals are checked with a raw HTTP
 * client, which can send any Host and Origin. Screenshots of each view, at desktop and phone width,
 * land in {@code target/dashboard-img} (docs/img holds copies).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path tmp;

    private static DaemonFixture fx;
    private static int port;
    private static String token;
    private static Path trigger;
    private static ChromeDriver browser;

    @BeforeAll
    static void startDaemonAndBrowser() throws Exception {
        Optional<Path> chromium = onPath("chromium", "chromium-browser");
        Optional<Path> driver = onPath("chromedriver");
        Assumptions.assumeTrue(chromium.isPresent() && driver.isPresent(),
                "chromium and chromedriver are not installed (apt-get install chromium chromium-driver); .ci/run installs them");
        fx = new DaemonFixture(tmp);
        fx.start();
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        fx.call("web", DaemonFixture.args().put("action", "enable").put("port", port));
        token = Files.readString(fx.home.dir().resolve("web.token")).trim();
        trigger = tmp.resolve("print-now");
        // Prints a line whenever the test creates the trigger file: a line it can only see if the page follows the log.
        Path ticker = fx.script("ticker", "trap 'exit 0' TERM\necho \"ticker $$ started\"\necho \"ticker $$ warming up\" >&2\n"
                + "while true; do if [ -e " + trigger + " ]; then rm -f " + trigger + "; echo \"late line from $$\"; fi; "
                + "sleep 0.1; done");
        fx.call("start", DaemonFixture.args().put("file", fx.ecosystem("eco.json",
                DaemonFixture.app("ticker", ticker, "\"max_memory_restart\": \"64M\""),
                DaemonFixture.app("worker", fx.sleeper("worker"), "")).toString()));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--single-process", "--no-zygote", "--window-size=1280,800",
                "--user-data-dir=" + Files.createDirectories(tmp.resolve("chromium-profile")));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort().withLogOutput(OutputStream.nullOutputStream()).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    @Order(1)
    void refusedWithoutATokenAndFromAnotherOriginOrHost() throws Exception {
        String own = "http://127.0.0.1:" + port;
        Reply page = http("GET", "/", Map.of(), null);
        assertThat(page.status()).isEqualTo(303);
        assertThat(page.header("Location")).isEqualTo("/login");
        assertThat(http("GET", "/api/events", Map.of(), null).status()).isEqualTo(401);
        assertThat(http("GET", "/api/app?name=ticker", Map.of(), null).status()).isEqualTo(401);
        assertThat(http("GET", "/api/app?name=ticker", Map.of("Authorization", "Bearer " + token), null).status())
                .as("the bearer token is no browser session").isEqualTo(401);
        Reply wrong = http("POST", "/login", Map.of("Origin", own), "token=" + "0".repeat(64));
        assertThat(wrong.header("Location")).isEqualTo("/login?failed=token");
        assertThat(wrong.header("Set-Cookie")).isNull();
        assertThat(http("POST", "/login", Map.of("Origin", "http://evil.example"), "token=" + token).status())
                .isEqualTo(403);
        assertThat(http("GET", "/login", Map.of("Host", "evil.example:" + port), null).status()).isEqualTo(403);

        Reply login = http("POST", "/login", Map.of("Origin", own), "token=" + token);
        assertThat(login.header("Location")).isEqualTo("/");
        assertThat(login.header("Set-Cookie")).contains("HttpOnly").contains("SameSite=Strict").doesNotContain(token);
        String cookie = login.header("Set-Cookie").split(";")[0];
        String csrf = DashboardJson.field(http("GET", "/api/session", Map.of("Cookie", cookie), null).body(), "csrf");
        Map<String, String> session = Map.of("Cookie", cookie, "X-CSRF-Token", csrf, "Origin", own);
        String stop = "{\"app\":\"worker\",\"action\":\"stop\"}";
        assertThat(http("POST", "/api/action", with(session, "Origin", "http://evil.example"), stop).status())
                .isEqualTo(403);
        assertThat(http("POST", "/api/action", with(session, "X-CSRF-Token", "0".repeat(64)), stop).status())
                .isEqualTo(403);
        assertThat(http("GET", "/api/app?name=ticker", with(session, "Host", "evil.example:" + port), null).status())
                .isEqualTo(403);
        assertThat(http("GET", "/api/app?name=ticker", with(session, "Origin", "http://evil.example"), null).status())
                .isEqualTo(403);
        assertThat(http("POST", "/api/action", session, "{\"app\":\"all\",\"action\":\"stop\"}").status())
                .as("only an app's exact name").isEqualTo(404);
        assertThat(fx.call("describe", DaemonFixture.args().put("target", "worker")).path("apps").get(0)
                .path("status").asText()).isEqualTo("online");
        Reply detail = http("GET", "/api/app?name=ticker", session, null);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.header("Content-Security-Policy")).contains("default-src 'self'").contains("script-src 'self'");

        // jsup web open: a code works once.
        JsonNode open = fx.call("web", DaemonFixture.args().put("action", "open"));
        String link = URI.create(open.path("url").asText()).getRawPath() + "?" + URI.create(open.path("url").asText())
                .getRawQuery();
        Reply first = http("GET", link, Map.of(), null);
        assertThat(first.header("Location")).isEqualTo("/");
        assertThat(first.header("Set-Cookie")).startsWith("jsup_session=");
        assertThat(http("GET", link, Map.of(), null).header("Location")).isEqualTo("/login?failed=code");
    }

    @Test
    @Order(2)
    void signsInRestartsAnAppLiveAndFollowsItsLog() throws Exception {
        String base = "http://127.0.0.1:" + port;
        browser.get(base + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.id("sign-in")).click();
        onPage(() -> rows().size() == 2 && !cell("ticker", "pid").equals("–"));
        assertThat(cell("worker", "status")).isEqualTo("online");
        screenshot("table-desktop");

        String pid = cell("ticker", "pid");
        int restarts = Integer.parseInt(cell("ticker", "restarts"));
        js("window.jsupMarker = 'no reload';");
        row("ticker").findElement(By.cssSelector("button[data-action='restart']")).click();
        assertThat(browser.findElement(By.id("confirm-text")).getText()).isEqualTo("Restart ticker?");
        browser.findElement(By.id("confirm-yes")).click();
        onPage(() -> !cell("ticker", "pid").equals(pid) && !cell("ticker", "pid").equals("–")
                && Integer.parseInt(cell("ticker", "restarts")) == restarts + 1);
        assertThat(js("return window.jsupMarker;")).as("the page was not reloaded").isEqualTo("no reload");

        phoneWidth(() -> screenshot("table-phone"));

        row("ticker").findElement(By.cssSelector("td.name a")).click();
        onPage(() -> browser.findElement(By.id("log")).getText().contains("ticker " + cell("ticker-page", "pid")
                + " started"));
        Files.writeString(trigger, "");
        onPage(() -> browser.findElement(By.id("log")).getText().contains("late line from"));
        onPage(() -> !browser.findElements(By.cssSelector("#restarts tbody td")).isEmpty()
                && browser.findElement(By.id("restarts")).getText().contains("manual"));
        Dimension desktop = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(1280, 1500)); // the charts and tables below the log too
        screenshot("app-desktop");
        browser.manage().window().setSize(desktop);
        phoneWidth(() -> screenshot("app-phone"));
    }

    // ---------------------------------------------------------------- browser helpers

    /** Waits for {@code condition}; on a timeout prints the page and the browser's console, to see why. */
    private static void onPage(java.util.concurrent.Callable<Boolean> condition) {
        try {
            await().atMost(WAIT).ignoreExceptions().until(condition);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            System.err.println("page " + browser.getCurrentUrl() + ":\n" + browser.getPageSource()
                    + "\nconsole: " + browser.manage().logs().get("browser").getAll());
            throw e;
        }
    }

    private static java.util.List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#apps tbody tr"));
    }

    private static WebElement row(String app) {
        return browser.findElement(By.cssSelector("#apps tbody tr[data-app='" + app + "']"));
    }

    /** A cell's text in the table; {@code ticker-page}: the PID on the app's page. */
    private static String cell(String app, String column) {
        if (app.equals("ticker-page")) {
            Matcher m = Pattern.compile("PID\\s+(\\d+)").matcher(browser.findElement(By.id("facts")).getText());
            return m.find() ? m.group(1) : "none";
        }
        return row(app).findElement(By.cssSelector("td." + column)).getText().trim();
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** Runs {@code check} at a phone's width (390 px), after checking that nothing is wider than the screen. */
    private static void phoneWidth(ThrowingRunnable check) throws Exception {
        Dimension desktop = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            await().atMost(WAIT).until(() -> ((Number) js("return window.innerWidth;")).intValue() <= 400);
            assertThat(((Number) js("return document.documentElement.scrollWidth - window.innerWidth;")).intValue())
                    .as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
            check.run();
        } finally {
            browser.manage().window().setSize(desktop);
        }
    }

    private static void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "dashboard-img"));
        Files.write(dir.resolve("dashboard-" + name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static Optional<Path> onPath(String... names) {
        for (String name : names) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- raw HTTP (any Host, any Origin)

    record Reply(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return copy;
    }

    /** One HTTP/1.1 request with {@code Connection: close}; Host is the listener's unless given. */
    private static Reply http(String method, String path, Map<String, String> headers, String body) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(30_000);
            byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            req.append("Host: ").append(headers.getOrDefault("Host", "127.0.0.1:" + port)).append("\r\n");
            headers.forEach((k, v) -> {
                if (!k.equals("Host")) {
                    req.append(k).append(": ").append(v).append("\r\n");
                }
            });
            if (body != null) {
                req.append("Content-Type: ").append(body.startsWith("{") ? "application/json"
                        : "application/x-www-form-urlencoded").append("\r\nContent-Length: ").append(payload.length)
                        .append("\r\n");
            }
            req.append("Connection: close\r\n\r\n");
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(payload);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            Map<String, String> parsed = new LinkedHashMap<>();
            Stream.of(text.substring(0, split).split("\r\n")).skip(1).forEach(line -> {
                int colon = line.indexOf(':');
                parsed.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            });
            return new Reply(Integer.parseInt(text.substring(9, 12)), parsed, text.substring(split + 4));
        }
    }

    /** The one JSON field the test reads from a body. */
    private static final class DashboardJson {
        static String field(String body, String name) throws IOException {
            String json = body.contains("{") ? body.substring(body.indexOf('{'), body.lastIndexOf('}') + 1) : body;
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path(name).asText();
        }
    }
}
