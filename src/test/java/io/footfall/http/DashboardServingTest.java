package io.footfall.http;

import io.footfall.testing.HttpClientForTests;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard SPA (built from ui/ into the jar) and GET /api/config, over real HTTP. */
class DashboardServingTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void rootServesTheAppWithABaseAndNoCache() {
        var res = server.http().get("/", null);
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.header("Content-Type")).startsWith("text/html");
        assertThat(res.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(res.body()).contains("<base href=\"/\">").contains("<div id=\"root\">").contains("db-ip.com");
    }

    @Test
    void clientRoutesFallBackToTheApp() {
        for (String path : new String[] {"/login", "/websites", "/websites/abc/sessions/def", "/settings/profile"}) {
            var res = server.http().get(path, null);
            assertThat(res.status()).as(path).isEqualTo(200);
            assertThat(res.body()).as(path).contains("<div id=\"root\">");
        }
    }

    @Test
    void missingFilesAndApiRoutesAre404NotTheApp() {
        assertThat(server.http().get("/assets/nothing-here.js", null).status()).isEqualTo(404);
        var api = server.http().get("/api/no/such/route", null);
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void hashedAssetsAreImmutableAndPrecompressed() {
        String index = server.http().get("/", null).body();
        Matcher m = Pattern.compile("src=\"\\./(assets/[^\"]+\\.js)\"").matcher(index);
        assertThat(m.find()).as("index.html names its entry script").isTrue();
        String asset = "/" + m.group(1);

        var plain = server.http().send("GET", asset, null, null, Map.of("Accept-Encoding", "identity"));
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.header("Content-Type")).startsWith("application/javascript");
        assertThat(plain.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(plain.header("Content-Encoding")).isNull();

        var br = server.http().send("GET", asset, null, null, Map.of("Accept-Encoding", "gzip, deflate, br"));
        assertThat(br.header("Content-Encoding")).isEqualTo("br");
        assertThat(br.bytes().length).isLessThan(plain.bytes().length);
        var gz = server.http().send("GET", asset, null, null, Map.of("Accept-Encoding", "gzip"));
        assertThat(gz.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gz.header("Vary")).isEqualTo("Accept-Encoding");
    }

    @Test
    void configTellsEveryoneTheSnippetSettingsAndOnlyAdminsTheDefaultPassword() {
        var anonymous = server.http().get("/api/config", null).json();
        assertThat(anonymous.get("basePath").asText()).isEmpty();
        assertThat(anonymous.get("trackerScriptName").isNull()).isTrue();
        assertThat(anonymous.has("defaultPassword")).isFalse();

        String admin = server.adminToken();
        assertThat(server.http().get("/api/config", admin).json().get("defaultPassword").asBoolean()).isTrue();

        server.createUser("plain-user", "password-1", "user");
        String user = server.login("plain-user", "password-1");
        assertThat(server.http().get("/api/config", user).json().has("defaultPassword")).isFalse();
        assertThat(server.http().get("/api/config", "not-a-token").status()).isEqualTo(200);
    }

    @Test
    void defaultPasswordSignalClearsOnceChanged() {
        try (TestServer s = TestServer.start()) {
            String admin = s.adminToken();
            assertThat(s.http().get("/api/config", admin).json().get("defaultPassword").asBoolean()).isTrue();
            var changed = s.http().post("/api/me/password", "{\"currentPassword\":\"umami\",\"newPassword\":\"something-long\"}", admin);
            assertThat(changed.status()).isEqualTo(200);
            assertThat(s.http().get("/api/config", admin).json().get("defaultPassword").asBoolean()).isFalse();
        }
    }

    @Test
    void basePathAndTrackerNameReachTheAppAndTheConfig() {
        try (TestServer s = TestServer.start(Map.of("BASE_PATH", "/stats", "TRACKER_SCRIPT_NAME", "/t.js"))) {
            var page = s.http().get("/websites/x", null);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("<base href=\"/stats/\">");
            var config = s.http().get("/api/config", null).json();
            assertThat(config.get("basePath").asText()).isEqualTo("/stats");
            assertThat(config.get("trackerScriptName").asText()).isEqualTo("/t.js");
            var outside = new HttpClientForTests("http://127.0.0.1:" + s.server().port());
            assertThat(outside.get("/websites/x", null).status()).isEqualTo(404);
        }
    }
}
