package io.footfall.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.testing.TestServer;
import io.footfall.testing.Traffic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How filters combine and match, as a real Umami 3.1 does it: {@code match=any} ORs the filters per event
 * row on every statistics, sessions and events route; the contains operators match their value literally.
 * Traffic on one day (UTC):
 * <ul>
 *   <li>A: Firefox on Linux, DE: views /a 10:00 and /b 10:05, {@code signup} {plan: pro} on /b 10:06, identify {tier: gold}</li>
 *   <li>B: Chrome on Windows, FR: view {@code /c?q=' OR 1=1 --} 11:00 (stored {@code q=%27%20OR%201=1%20--}),
 *       {@code signup} {plan: free} on /c2 11:02, identify {tier: silver}</li>
 *   <li>C: Chrome on Windows, US: view {@code /d?q=100%_off} 12:00, {@code download} {file: x.pdf} 12:01, identify {tier: bronze}</li>
 *   <li>D: Safari on iPhone, GB: view /e 13:00</li>
 * </ul>
 * Firefox or FR is exactly A and B, as is {@code country=DE,FR}: every route must answer the same for both.
 */
class FilterMatchingTest {
    static final String RANGE = TestServer.range("2026-06-10T00:00:00Z", "2026-06-10T23:59:59.999Z");
    static final String ANY = "browser=firefox&country=FR&match=any";
    static final String SAME_ROWS = "country=DE,FR";

    static TestServer server;
    static String site;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        site = server.createWebsite("Filters", "example.com");
        send("A", Traffic.FIREFOX_LINUX, "DE", "event", "10:00:00", "\"url\":\"/a\"");
        send("A", Traffic.FIREFOX_LINUX, "DE", "event", "10:05:00", "\"url\":\"/b\"");
        send("A", Traffic.FIREFOX_LINUX, "DE", "event", "10:06:00", "\"url\":\"/b\",\"name\":\"signup\",\"data\":{\"plan\":\"pro\"}");
        send("A", Traffic.FIREFOX_LINUX, "DE", "identify", "10:07:00", "\"data\":{\"tier\":\"gold\"}");
        send("B", Traffic.CHROME_WIN, "FR", "event", "11:00:00", "\"url\":\"/c?q=' OR 1=1 --\"");
        send("B", Traffic.CHROME_WIN, "FR", "event", "11:02:00", "\"url\":\"/c2\",\"name\":\"signup\",\"data\":{\"plan\":\"free\"}");
        send("B", Traffic.CHROME_WIN, "FR", "identify", "11:03:00", "\"data\":{\"tier\":\"silver\"}");
        send("C", Traffic.CHROME_WIN, "US", "event", "12:00:00", "\"url\":\"/d?q=100%_off\"");
        send("C", Traffic.CHROME_WIN, "US", "event", "12:01:00", "\"url\":\"/d\",\"name\":\"download\",\"data\":{\"file\":\"x.pdf\"}");
        send("C", Traffic.CHROME_WIN, "US", "identify", "12:02:00", "\"data\":{\"tier\":\"bronze\"}");
        send("D", Traffic.SAFARI_IPHONE, "GB", "event", "13:00:00", "\"url\":\"/e\"");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static void send(String visitor, String ua, String country, String type, String time, String fields) {
        String body = "{\"type\":\"" + type + "\",\"payload\":{\"website\":\"" + site + "\",\"hostname\":\"example.com\","
                + "\"screen\":\"1920x1080\",\"language\":\"en-US\",\"id\":\"" + visitor + "\",\"timestamp\":"
                + Instant.parse("2026-06-10T" + time + "Z").getEpochSecond() + "," + fields + "}}";
        var res = server.http().send("POST", "/api/send", body, null, Map.of("User-Agent", ua, "cf-ipcountry", country));
        assertThat(res.status()).as(res.body()).isEqualTo(200);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static JsonNode get(String route, String params) {
        return server.websiteJson(site, route + (route.contains("?") ? "&" : "?") + RANGE + (params.isEmpty() ? "" : "&" + params));
    }

    static String stats(String params) {
        JsonNode s = get("stats", params);
        return s.get("pageviews").asLong() + "/" + s.get("visitors").asLong() + "/" + s.get("visits").asLong();
    }

    @Test
    void matchAnyOrsTwoFilters() {
        assertThat(stats(ANY)).isEqualTo("3/2/2");
        assertThat(stats("browser=firefox&country=FR")).isEqualTo("0/0/0");
        assertThat(stats("browser=firefox&country=FR&match=all")).isEqualTo("0/0/0");
        assertThat(stats("browser=firefox&country=DE&match=any")).isEqualTo("2/1/1");
    }

    @Test
    void matchAnyAppliesEachFilterPerEventRow() {
        // A's rows by browser, and of B only the pageview on /c (B's signup on /c2 does not pass either filter)
        assertThat(stats("browser=firefox&path=/c&match=any")).isEqualTo("3/2/2");
        assertThat(get("sessions/stats", "browser=firefox&path=/c&match=any").get("pageviews").get("value").asLong()).isEqualTo(4);
        assertThat(get("metrics", "type=path&browser=firefox&path=/c&match=any").toString())
                .isEqualTo("[{\"x\":\"/a\",\"y\":1},{\"x\":\"/b\",\"y\":1},{\"x\":\"/c\",\"y\":1}]");
    }

    @Test
    void everyRouteHonoursMatchAny() {
        for (boolean folded : List.of(false, true)) {
            if (folded) server.fold();
            for (String route : List.of("stats", "pageviews?unit=hour&timezone=UTC", "metrics?type=path", "metrics?type=browser",
                    "metrics?type=country", "metrics?type=entry", "metrics?type=event", "metrics?type=channel",
                    "metrics/expanded?type=path", "metrics/expanded?type=query", "sessions", "sessions/stats",
                    "sessions/weekly?timezone=UTC", "events", "events/stats", "events/series?unit=hour&timezone=UTC",
                    "event-data/events", "event-data/events?event=signup", "event-data/fields", "event-data/properties",
                    "event-data/values?event=signup&propertyName=plan", "event-data/stats", "session-data/properties",
                    "session-data/values?propertyName=tier")) {
                String any = get(route, ANY).toString();
                assertThat(any).as(route + (folded ? " folded" : "")).isEqualTo(get(route, SAME_ROWS).toString());
                // (only A and B sent signup, so there the filters change nothing)
                if (!route.contains("event=signup")) assertThat(any).as(route).isNotEqualTo(get(route, "").toString());
            }
        }
        assertThat(get("event-data/stats", ANY).toString()).isEqualTo("{\"events\":2,\"properties\":1,\"records\":2}");
        assertThat(get("sessions", ANY).get("count").asLong()).isEqualTo(2);
    }

    @Test
    void metricsSearchStaysAndedWithMatchAny() {
        assertThat(get("metrics", "type=path&search=b&" + ANY).toString()).isEqualTo("[{\"x\":\"/b\",\"y\":1}]");
    }

    @Test
    void matchMustBeAllOrAny() {
        var res = server.http().get("/api/websites/" + site + "/stats?" + RANGE + "&match=some", server.adminToken());
        assertThat(res.status()).isEqualTo(400);
        assertThat(res.body()).contains("match");
    }

    @Test
    void containsTreatsPercentAndUnderscoreAsText() {
        // the value: as a wildcard it matched stored queries; literally it occurs nowhere
        assertThat(stats("query=" + enc("c.%' OR 1=1 --"))).isEqualTo("0/0/0");
        assertThat(stats("query=" + enc("c.%20OR"))).isEqualTo("1/1/1");
        assertThat(stats("query=" + enc("c.100%_OFF"))).isEqualTo("1/1/1");
        // as LIKE wildcards these would match C's and B's queries
        assertThat(stats("query=" + enc("c.q=%off"))).isEqualTo("0/0/0");
        assertThat(stats("query=" + enc("c.q_%27"))).isEqualTo("0/0/0");
        assertThat(stats("query=" + enc("dnc.q=%off"))).isEqualTo("5/4/4");
        assertThat(stats("query=" + enc("dnc.100%_off"))).isEqualTo("4/3/3");
        assertThat(stats("path=" + enc("c.\\"))).isEqualTo("0/0/0");
        assertThat(get("metrics", "type=query&search=" + enc("%_")).toString()).isEqualTo("[{\"x\":\"q=100%_off\",\"y\":1}]");
    }
}
