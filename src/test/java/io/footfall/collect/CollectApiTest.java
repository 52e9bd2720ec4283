package io.footfall.collect;

import io.footfall.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CollectApiTest {
    static final String CHROME_WIN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    static final String SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("IGNORE_IP", "192.0.2.0/24,2001:db8::/32"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponseAlias send(String website, String payloadJson, String type, String ua, String ip) {
        String body = "{\"type\":\"" + type + "\",\"payload\":{\"website\":\"" + website + "\"" + (payloadJson.isEmpty() ? "" : "," + payloadJson) + "}}";
        var headers = new java.util.HashMap<String, String>();
        if (ua != null) headers.put("User-Agent", ua);
        if (ip != null) headers.put("X-Forwarded-For", ip);
        var res = server.http().send("POST", "/api/send", body, null, headers);
        return new HttpResponseAlias(res.status(), res.body(), res);
    }

    record HttpResponseAlias(int status, String body, io.footfall.testing.HttpClientForTests.Response raw) {
    }

    long events(String website) {
        return server.count("SELECT count(*) FROM event WHERE website_id = ?::UUID", website);
    }

    @Test
    void pageviewIsStoredWithEnrichedFields() {
        String w = server.createWebsite("Pageview", "example.com");
        var res = send(w, "\"hostname\":\"example.com\",\"language\":\"en-US\",\"screen\":\"1536x864\",\"title\":\"Pricing\","
                + "\"url\":\"https://www.example.com/pricing/?utm_source=news&utm_medium=email&gclid=abc#plans\","
                + "\"referrer\":\"https://www.google.com/search?q=x\"", "event", CHROME_WIN, "8.8.8.8");
        assertThat(res.status()).isEqualTo(200);
        var json = res.raw().json();
        assertThat(json.get("cache").asText()).contains(".");
        assertThat(json.get("sessionId").asText()).hasSize(36).matches(".{14}5.*");
        assertThat(json.get("visitId").asText()).hasSize(36);

        var rows = server.query("SELECT * FROM event WHERE website_id = ?::UUID", w);
        assertThat(rows).hasSize(1);
        var row = rows.getFirst();
        assertThat(row.get("event_type")).isEqualTo((short) 1);
        assertThat(row.get("event_name")).isNull();
        assertThat(row.get("hostname")).isEqualTo("example.com");
        assertThat(row.get("url_path")).isEqualTo("/pricing/#plans");
        assertThat(row.get("url_query")).isEqualTo("utm_source=news&utm_medium=email&gclid=abc");
        assertThat(row.get("page_title")).isEqualTo("Pricing");
        assertThat(row.get("referrer_domain")).isEqualTo("google.com");
        assertThat(row.get("referrer_path")).isEqualTo("/search");
        assertThat(row.get("referrer_query")).isEqualTo("q=x");
        assertThat(row.get("utm_source")).isEqualTo("news");
        assertThat(row.get("utm_medium")).isEqualTo("email");
        assertThat(row.get("gclid")).isEqualTo("abc");
        assertThat(row.get("browser")).isEqualTo("chrome");
        assertThat(row.get("os")).isEqualTo("Windows 10");
        assertThat(row.get("device")).isEqualTo("laptop");
        assertThat(row.get("screen")).isEqualTo("1536x864");
        assertThat(row.get("language")).isEqualTo("en-US");
        assertThat(row.get("session_id").toString()).isEqualTo(json.get("sessionId").asText());
        assertThat(row.get("visit_id").toString()).isEqualTo(json.get("visitId").asText());
    }

    @Test
    void customEventStoresTypedEventData() {
        String w = server.createWebsite("Events", "example.com");
        var res = send(w, "\"url\":\"/checkout\",\"name\":\"purchase\",\"data\":{\"plan\":\"pro\",\"price\":3.14159,\"qty\":2,"
                + "\"gift\":true,\"when\":\"2026-11-20T10:00:00Z\",\"tags\":[1,2,3],\"user\":{\"tier\":{\"level\":\"gold\"}},\"nothing\":null}",
                "event", CHROME_WIN, "8.8.4.4");
        assertThat(res.status()).isEqualTo(200);
        var ev = server.query("SELECT event_type, event_name, url_path FROM event WHERE website_id = ?::UUID", w).getFirst();
        assertThat(ev.get("event_type")).isEqualTo((short) 2);
        assertThat(ev.get("event_name")).isEqualTo("purchase");
        var data = server.query("SELECT data_key, data_type, string_value, number_value, date_value FROM event_data "
                + "WHERE website_id = ?::UUID ORDER BY data_key", w);
        assertThat(data).extracting(r -> r.get("data_key")).containsExactly("gift", "plan", "price", "qty", "tags", "user.tier.level", "when");
        Map<String, Map<String, Object>> byKey = new java.util.HashMap<>();
        data.forEach(r -> byKey.put((String) r.get("data_key"), r));
        assertThat(byKey.get("gift").get("data_type")).isEqualTo((short) 3);
        assertThat(byKey.get("gift").get("string_value")).isEqualTo("true");
        assertThat(byKey.get("plan").get("data_type")).isEqualTo((short) 1);
        assertThat(byKey.get("price").get("data_type")).isEqualTo((short) 2);
        assertThat((BigDecimal) byKey.get("price").get("number_value")).isEqualByComparingTo("3.1416");
        assertThat(byKey.get("price").get("string_value")).isEqualTo("3.1416");
        assertThat((BigDecimal) byKey.get("qty").get("number_value")).isEqualByComparingTo("2");
        assertThat(byKey.get("tags").get("data_type")).isEqualTo((short) 5);
        assertThat(byKey.get("tags").get("string_value")).isEqualTo("[1,2,3]");
        assertThat(byKey.get("user.tier.level").get("string_value")).isEqualTo("gold");
        assertThat(byKey.get("when").get("data_type")).isEqualTo((short) 4);
        assertThat(byKey.get("when").get("date_value").toString()).startsWith("2026-11-20 10:00");
    }

    @Test
    void eventDataKeepsFirstFiftyPropertiesAndCutsLongStrings() {
        String w = server.createWebsite("Limits", "example.com");
        StringBuilder data = new StringBuilder("{\"long\":\"" + "x".repeat(800) + "\"");
        for (int i = 0; i < 60; i++) data.append(",\"k").append(String.format("%02d", i)).append("\":").append(i);
        data.append("}");
        assertThat(send(w, "\"url\":\"/\",\"name\":\"big\",\"data\":" + data, "event", CHROME_WIN, "8.8.4.5").status()).isEqualTo(200);
        assertThat(server.count("SELECT count(*) FROM event_data WHERE website_id = ?::UUID", w)).isEqualTo(50);
        assertThat(server.count("SELECT max(length(string_value)) FROM event_data WHERE website_id = ?::UUID AND data_key = 'long'", w)).isEqualTo(500);
    }

    @Test
    void identifyStoresSessionDataAndDistinctIdSession() {
        String w = server.createWebsite("Identify", "example.com");
        var res = send(w, "\"id\":\"user-42\",\"data\":{\"email\":\"a@b.c\",\"plan\":\"pro\"}", "identify", CHROME_WIN, "8.8.4.6");
        assertThat(res.status()).isEqualTo(200);
        assertThat(events(w)).isZero();
        var rows = server.query("SELECT data_key, string_value, distinct_id, session_id FROM session_data WHERE website_id = ?::UUID ORDER BY data_key", w);
        assertThat(rows).extracting(r -> r.get("data_key")).containsExactly("email", "plan");
        assertThat(rows.getFirst().get("distinct_id")).isEqualTo("user-42");
        String session = rows.getFirst().get("session_id").toString();
        assertThat(session).isEqualTo(res.raw().json().get("sessionId").asText());
        // same distinct id from another device → same session; new value replaces the old one
        var again = send(w, "\"id\":\"user-42\",\"data\":{\"plan\":\"team\"}", "identify", SAFARI_IPHONE, "1.1.1.1");
        assertThat(again.raw().json().get("sessionId").asText()).isEqualTo(session);
        assertThat(server.query("SELECT string_value FROM session_data WHERE website_id = ?::UUID AND data_key = 'plan'", w))
                .extracting(r -> r.get("string_value")).containsExactly("team");
        // a pageview with the id carries it as distinct_id
        send(w, "\"id\":\"user-42\",\"url\":\"/\"", "event", CHROME_WIN, "8.8.4.6");
        assertThat(server.query("SELECT distinct_id, session_id FROM event WHERE website_id = ?::UUID", w).getFirst())
                .containsEntry("distinct_id", "user-42");
    }

    @Test
    void sameVisitorGetsSameSessionAndVisitAndTokenIsHonoured() {
        String w = server.createWebsite("Visits", "example.com");
        var first = send(w, "\"url\":\"/a\"", "event", CHROME_WIN, "9.9.9.9").raw().json();
        var second = server.http().send("POST", "/api/send",
                "{\"type\":\"event\",\"payload\":{\"website\":\"" + w + "\",\"url\":\"/b\"}}", null,
                Map.of("User-Agent", CHROME_WIN, "X-Forwarded-For", "9.9.9.9", "x-umami-cache", first.get("cache").asText())).json();
        assertThat(second.get("sessionId").asText()).isEqualTo(first.get("sessionId").asText());
        assertThat(second.get("visitId").asText()).isEqualTo(first.get("visitId").asText());
        var other = send(w, "\"url\":\"/a\"", "event", SAFARI_IPHONE, "9.9.9.9").raw().json();
        assertThat(other.get("sessionId").asText()).isNotEqualTo(first.get("sessionId").asText());
        assertThat(server.count("SELECT count(DISTINCT session_id) FROM event WHERE website_id = ?::UUID", w)).isEqualTo(2);
        assertThat(server.count("SELECT count(DISTINCT visit_id) FROM event WHERE website_id = ?::UUID", w)).isEqualTo(2);
    }

    @Test
    void sessionAttributesComeFromTheFirstRequest() {
        String w = server.createWebsite("Attrs", "example.com");
        send(w, "\"url\":\"/a\",\"screen\":\"1536x864\",\"language\":\"de-DE\"", "event", CHROME_WIN, "9.9.9.10");
        send(w, "\"url\":\"/b\",\"screen\":\"2560x1440\",\"language\":\"fr-FR\"", "event", CHROME_WIN, "9.9.9.10");
        assertThat(server.query("SELECT DISTINCT screen, language, device FROM event WHERE website_id = ?::UUID", w))
                .containsExactly(Map.of("screen", "1536x864", "language", "de-DE", "device", "laptop"));
    }

    @Test
    void botsAndMissingUserAgentAreNotStored() {
        String w = server.createWebsite("Bots", "example.com");
        for (String ua : List.of("curl/8.0", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36",
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "node")) {
            var res = send(w, "\"url\":\"/\"", "event", ua, "8.8.8.8");
            assertThat(res.status()).isEqualTo(200);
            assertThat(res.body()).isEqualTo("{\"beep\":\"boop\"}");
        }
        var noUa = server.http().send("POST", "/api/send", "{\"type\":\"event\",\"payload\":{\"website\":\"" + w + "\",\"url\":\"/\"}}", null, Map.of());
        assertThat(noUa.status()).isEqualTo(200);
        assertThat(events(w)).isZero();
    }

    @Test
    void ignoredIpsAreNotStored() {
        String w = server.createWebsite("Ignored", "example.com");
        assertThat(send(w, "\"url\":\"/\"", "event", CHROME_WIN, "192.0.2.77").status()).isEqualTo(200);
        assertThat(send(w, "\"url\":\"/\"", "event", CHROME_WIN, "2001:db8::1").status()).isEqualTo(200);
        assertThat(events(w)).isZero();
        assertThat(send(w, "\"url\":\"/\"", "event", CHROME_WIN, "192.0.3.1").status()).isEqualTo(200);
        assertThat(events(w)).isEqualTo(1);
    }

    @Test
    void textPlainBodyIsAccepted() {
        String w = server.createWebsite("Plain", "example.com");
        var res = server.http().send("POST", "/api/send", "{\"type\":\"event\",\"payload\":{\"website\":\"" + w + "\",\"url\":\"/\"}}",
                null, Map.of("Content-Type", "text/plain;charset=UTF-8", "User-Agent", CHROME_WIN));
        assertThat(res.status()).isEqualTo(200);
        assertThat(events(w)).isEqualTo(1);
    }

    @Test
    void performanceHitStoresWebVitals() {
        String w = server.createWebsite("Perf", "example.com");
        assertThat(send(w, "\"url\":\"/\",\"lcp\":1234.5,\"inp\":80,\"cls\":0.02,\"fcp\":900,\"ttfb\":120", "performance", CHROME_WIN, "8.8.8.9").status()).isEqualTo(200);
        var row = server.query("SELECT event_type, lcp, inp, cls, fcp, ttfb FROM event WHERE website_id = ?::UUID", w).getFirst();
        assertThat(row).containsEntry("event_type", (short) 5).containsEntry("lcp", 1234.5).containsEntry("cls", 0.02).containsEntry("ttfb", 120.0);
    }

    @Test
    void timestampBackfillsCreatedAt() {
        String w = server.createWebsite("Backfill", "example.com");
        long ts = java.time.Instant.now().minusSeconds(86_400 * 3).getEpochSecond();
        assertThat(send(w, "\"url\":\"/\",\"timestamp\":" + ts, "event", CHROME_WIN, "8.8.8.10").status()).isEqualTo(200);
        assertThat(server.count("SELECT CAST(extract(epoch FROM created_at) AS BIGINT) FROM event WHERE website_id = ?::UUID", w)).isEqualTo(ts);
    }

    @Test
    void badInputIs4xxAndNothingIsStored() {
        String w = server.createWebsite("Bad", "example.com");
        List<String> bodies = List.of(
                "{", "[]", "\"x\"", "{\"type\":\"event\"}", "{\"type\":\"event\",\"payload\":[]}",
                "{\"type\":\"nope\",\"payload\":{\"website\":\"" + w + "\"}}",
                "{\"type\":\"event\",\"payload\":{}}",
                "{\"type\":\"event\",\"payload\":{\"website\":\"not-a-uuid\"}}",
                "{\"type\":\"event\",\"payload\":{\"website\":\"00000000-0000-0000-0000-000000000000\"}}",
                "{\"type\":\"event\",\"payload\":{\"website\":\"" + w + "\",\"pixel\":\"" + w + "\"}}",
                "{\"type\":\"event\",\"payload\":{\"website\":\"" + w + "\",\"hostname\":\"" + "h".repeat(101) + "\"}}",
                "{\"type\":\"event\",\"payload\":{\"website\":\"" + w + "\",\"name\":\"" + "n".repeat(51) + "\"}}",
                "{\"type\":\"event\",\"payload\":{\"website\":\"" + w + "\",\"screen\":\"123456789012\"}}",
                "{\"type\":\"event\",\"payload\":{\"website\":\"" + w + "\",\"language\":\"" + "l".repeat(36) + "\"}}",
                "{\"type\":\"event\",\"payload\":{\"website\":\"" + w + "\",\"tag\":\"" + "t".repeat(51) + "\"}}",
                "{\"type\":\"event\",\"payload\":{\"website\":\"" + w + "\",\"id\":\"" + "i".repeat(51) + "\"}}",
                "{\"type\":\"event\",\"payload\":{\"website\":\"" + w + "\",\"data\":[1,2]}}",
                "{\"type\":\"event\",\"payload\":{\"website\":\"" + w + "\",\"data\":\"str\"}}",
                "{\"type\":\"event\",\"payload\":{\"website\":\"" + w + "\",\"url\":5}}",
                "{\"type\":\"event\",\"payload\":{\"website\":\"" + w + "\",\"timestamp\":\"soon\"}}",
                "{\"type\":\"event\",\"payload\":{\"website\":\"" + w + "\",\"timestamp\":99999999999}}",
                "{\"type\":\"event\",\"payload\":{\"website\":\"' OR 1=1 --\"}}");
        for (String body : bodies) {
            var res = server.http().send("POST", "/api/send", body, null, Map.of("User-Agent", CHROME_WIN));
            assertThat(res.status()).as(body).isEqualTo(400);
            assertThat(res.json().get("error").get("message").asText()).as(body).isNotBlank();
        }
        var huge = server.http().send("POST", "/api/send", "{\"type\":\"event\",\"payload\":{\"website\":\"" + w + "\",\"title\":\""
                + "x".repeat(400_000) + "\"}}", null, Map.of("User-Agent", CHROME_WIN));
        assertThat(huge.status()).isEqualTo(413);
        assertThat(events(w)).isZero();
        assertThat(server.count("SELECT count(*) FROM event_data WHERE website_id = ?::UUID", w)).isZero();
    }

    @Test
    void injectionLookingStringsAreStoredVerbatimNotExecuted() {
        String w = server.createWebsite("Inject", "example.com");
        String evil = "/'; DROP TABLE event; --";
        assertThat(send(w, "\"url\":\"" + evil + "\",\"title\":\"<script>alert(1)</script>\"", "event", CHROME_WIN, "8.8.8.11").status()).isEqualTo(200);
        assertThat(server.query("SELECT url_path, page_title FROM event WHERE website_id = ?::UUID", w).getFirst())
                .containsEntry("url_path", evil).containsEntry("page_title", "<script>alert(1)</script>");
    }

    @Test
    void corsPreflightOnSendWorks() {
        var pre = server.http().send("OPTIONS", "/api/send", null, null,
                Map.of("Origin", "https://site.example", "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type"));
        assertThat(pre.status()).isEqualTo(204);
        assertThat(pre.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }
}
