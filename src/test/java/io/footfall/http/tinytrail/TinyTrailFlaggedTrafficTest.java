package io.footfall.http.tinytrail;

import io.footfall.testing.HttpClientForTests;
import io.footfall.testing.ReadRoutes;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Bots and excluded traffic are stored flagged": /api/v1/collect answers them 204 as documented, but only once they
 * are durable in flagged_event; no Umami read sees them; reset and delete (either API) remove them and the settings.
 */
class TinyTrailFlaggedTrafficTest {
    static final String BROWSER = TinyTrailCollectTest.BROWSER;
    static final String BOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    static final String EXCLUDED = "[\"203.0.113.0/24\",\"2001:db8::/32\"]";
    static TestServer server;
    static String adminKey;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Map.of("TINYTRAIL_COLLECT_RATE_LIMIT", "100000"));
        adminKey = Files.readString(server.dataDir().resolve("admin-api-key")).trim();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    String site(String domain, String excludedIps) {
        String account = server.http().send("POST", "/api/v1/accounts", "{\"name\":\"" + domain + "\"}", null,
                Map.of("X-API-KEY", adminKey)).json().get("data").get("id").asText();
        var res = server.http().send("POST", "/api/v1/websites", "{\"domain\":\"" + domain + "\",\"account_id\":\"" + account
                + "\",\"excluded_ips\":" + excludedIps + "}", null, Map.of("X-API-KEY", adminKey));
        assertThat(res.status()).as(res.body()).isEqualTo(201);
        return res.json().get("data").get("id").asText();
    }

    /** A collect from {@code ip} (X-Forwarded-For, believed from the loopback test client) with this User-Agent. */
    HttpClientForTests.Response collect(String site, String type, String path, String extra, String userAgent, String ip) {
        String body = "{\"website_id\":\"" + site + "\",\"event_type\":\"" + type + "\",\"url\":\"https://flag.example" + path
                + "\",\"path\":\"" + path + "\"" + extra + "}";
        return server.http().send("POST", "/api/v1/collect", body, null,
                Map.of("Content-Type", "application/json", "User-Agent", userAgent, "X-Forwarded-For", ip));
    }

    /** Sends bots, excluded IPs (v4 and v6) and one ordinary visitor; every answer as documented. */
    void sendMixed(String site) {
        String[][] flagged = {
                // type, path, extra, user agent, ip
                {"page_view", "/", "", BOT, "8.8.8.8"},
                {"page_view", "/pricing", "", BOT, "8.8.4.4"},
                {"custom", "/pricing", ",\"properties\":{\"name\":\"signup\",\"plan\":\"pro\"}", BOT, "8.8.8.8"},
                {"page_view", "/", "", BROWSER, "203.0.113.7"},
                {"scroll_50", "/", "", BROWSER, "203.0.113.7"},
                {"page_view", "/about", "", BROWSER, "2001:db8::5"},
                {"page_view", "/about", "", BOT, "203.0.113.9"}, // a bot from an excluded IP: excluded wins
        };
        for (String[] f : flagged) {
            var res = collect(site, f[0], f[1], f[2], f[3], f[4]);
            assertThat(res.status()).as(String.join(" ", f) + " " + res.body()).isEqualTo(204);
            assertThat(res.body()).isEmpty();
        }
        var ok = collect(site, "page_view", "/", "", BROWSER, "198.51.100.1");
        assertThat(ok.status()).as(ok.body()).isEqualTo(202);
    }

    @Test
    void botsAndExcludedTrafficAreStoredFlaggedAndAnsweredSilently() {
        String site = site("flagged.example", EXCLUDED);
        sendMixed(site);
        assertThat(server.count("SELECT COUNT(*) FROM event WHERE website_id = ?::UUID", site)).isEqualTo(1);
        var rows = server.query("SELECT flag, event_type, event_name, url_path FROM flagged_event WHERE website_id = ?::UUID"
                + " ORDER BY flag, url_path, event_type", site);
        assertThat(rows).extracting(r -> r.get("flag") + " " + r.get("event_type") + " " + r.get("event_name") + " " + r.get("url_path"))
                .containsExactly(
                        "bot 1 null /",
                        "bot 1 null /pricing",
                        "bot 2 signup /pricing",
                        "excluded 1 null /",
                        "excluded 2 scroll_50 /",
                        "excluded 1 null /about",
                        "excluded 1 null /about");
        assertThat(server.count("SELECT COUNT(*) FROM bot_event WHERE website_id = ?::UUID", site)).isEqualTo(3);
        // flagged hits keep the event row only: their properties are not event data
        assertThat(server.count("SELECT COUNT(*) FROM event_data WHERE website_id = ?::UUID", site)).isZero();
        // two bot visitors (8.8.8.8 twice, 8.8.4.4), their own sessions as for any visitor
        assertThat(server.count("SELECT COUNT(DISTINCT session_id) FROM bot_event WHERE website_id = ?::UUID", site)).isEqualTo(2);
    }

    @Test
    void umamiSendStillDropsBots() {
        String site = site("send-bots.example", "[]");
        var res = server.http().send("POST", "/api/send", "{\"type\":\"event\",\"payload\":{\"website\":\"" + site
                + "\",\"url\":\"/\",\"hostname\":\"send-bots.example\"}}", null, Map.of("User-Agent", BOT));
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.body()).isEqualTo("{\"beep\":\"boop\"}");
        assertThat(server.count("SELECT COUNT(*) FROM flagged_event WHERE website_id = ?::UUID", site)
                + server.count("SELECT COUNT(*) FROM event WHERE website_id = ?::UUID", site)).isZero();
    }

    /** Every Umami read route answers for a site with only flagged traffic exactly what it answers for a site with none. */
    @Test
    void noUmamiReadSeesFlaggedTraffic() {
        String flagged = site("only-flagged.example", EXCLUDED);
        String empty = site("never-visited.example", EXCLUDED);
        for (String[] f : new String[][]{{BOT, "8.8.8.8"}, {BROWSER, "203.0.113.7"}, {BROWSER, "2001:db8::1"}}) {
            assertThat(collect(flagged, "page_view", "/", "", f[0], f[1]).status()).isEqualTo(204);
            assertThat(collect(flagged, "custom", "/", ",\"properties\":{\"name\":\"signup\",\"plan\":\"pro\"}", f[0], f[1]).status())
                    .isEqualTo(204);
        }
        assertThat(server.count("SELECT COUNT(*) FROM flagged_event WHERE website_id = ?::UUID", flagged)).isEqualTo(6);
        String session = server.query("SELECT session_id FROM flagged_event WHERE website_id = ?::UUID LIMIT 1", flagged)
                .getFirst().get("session_id").toString();
        List<String> flaggedRoutes = ReadRoutes.all(flagged, session);
        List<String> emptyRoutes = ReadRoutes.all(empty, session);
        for (int i = 0; i < flaggedRoutes.size(); i++) {
            var seen = server.http().get(flaggedRoutes.get(i), server.adminToken());
            var none = server.http().get(emptyRoutes.get(i), server.adminToken());
            assertThat(seen.status()).as(flaggedRoutes.get(i)).isEqualTo(200);
            assertThat(normalise(seen.body(), flagged)).as(flaggedRoutes.get(i)).isEqualTo(normalise(none.body(), empty));
        }
        // the pageviews of the range are zero, not missing
        assertThat(server.websiteJson(flagged, "stats?startAt=0&endAt=4102444800000").get("pageviews").asLong()).isZero();
    }

    /** The site's own id and the time of answering (realtime's timestamp) are the only differences allowed. */
    static String normalise(String body, String site) {
        return body.replace(site, "SITE").replaceAll("\"timestamp\":\\d+", "\"timestamp\":0");
    }

    @Test
    void umamiResetAndDeleteRemoveFlaggedRowsAndSettings() {
        String site = site("reset-flagged.example", EXCLUDED);
        sendMixed(site);
        assertThat(server.count("SELECT COUNT(*) FROM flagged_event WHERE website_id = ?::UUID", site)).isEqualTo(7);
        var reset = server.http().post("/api/websites/" + site + "/reset", "{}", server.adminToken());
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(server.count("SELECT COUNT(*) FROM flagged_event WHERE website_id = ?::UUID", site)).isZero();
        assertThat(server.count("SELECT COUNT(*) FROM event WHERE website_id = ?::UUID", site)).isZero();
        assertThat(server.count("SELECT COUNT(*) FROM website_setting WHERE website_id = ?::UUID", site)).isEqualTo(1);

        sendMixed(site);
        var deleted = server.http().send("DELETE", "/api/websites/" + site, null, server.adminToken(), Map.of());
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(server.count("SELECT COUNT(*) FROM flagged_event WHERE website_id = ?::UUID", site)).isZero();
        assertThat(server.count("SELECT COUNT(*) FROM website_setting WHERE website_id = ?::UUID", site)).isZero();
        var gone = server.http().send("PATCH", "/api/v1/websites/" + site, "{\"domain\":\"x.example\"}", null, Map.of("X-API-KEY", adminKey));
        assertThat(gone.status()).isEqualTo(404);
    }

    @Test
    void tinyTrailDeleteRemovesFlaggedRowsAndSettings() {
        String site = site("tt-delete-flagged.example", EXCLUDED);
        sendMixed(site);
        var deleted = server.http().send("DELETE", "/api/v1/websites/" + site, null, null, Map.of("X-API-KEY", adminKey));
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(server.count("SELECT COUNT(*) FROM flagged_event WHERE website_id = ?::UUID", site)
                + server.count("SELECT COUNT(*) FROM event WHERE website_id = ?::UUID", site)
                + server.count("SELECT COUNT(*) FROM website_setting WHERE website_id = ?::UUID", site)).isZero();
    }
}
