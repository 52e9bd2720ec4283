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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sessions and events {@code search} and the contains filters: case-insensitive (non-ASCII too), with
 * {@code %}, {@code _} and {@code \} in the text matched literally, the same on every store (the PostgreSQL
 * subclass runs this unchanged), before and after a fold (DuckDB's session list reads its rollup then).
 * Traffic on one day (UTC), the visitor's distinct id first:
 * <ul>
 *   <li>{@code Kunde-ÄPFEL-50%_off} (Firefox, DE): view {@code /shop/Apfel-50%_off}, event {@code ÄPFEL 50%_OFF}</li>
 *   <li>{@code kunde-äpfel-50x-off} (Chrome, FR): view {@code /shop/apfel-50x-off}, event {@code äpfel 50x off}</li>
 *   <li>{@code back\slash} (Safari, GB): view {@code /plain}, event {@code a\b}</li>
 * </ul>
 * Paths are stored percent-encoded, so non-ASCII is tried on distinct ids and event names. Read as LIKE wildcards, {@code 50%_off} would also match the second visitor's {@code 50x-off}.
 */
class TextSearchTest {
    static final String RANGE = TestServer.range("2026-06-10T00:00:00Z", "2026-06-10T23:59:59.999Z");

    static TestServer server;
    static String site;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        site = server.createWebsite("Search", "example.com");
        send("Kunde-ÄPFEL-50%_off", Traffic.FIREFOX_LINUX, "DE", "10:00:00", "\"url\":\"/shop/Apfel-50%_off\"");
        send("Kunde-ÄPFEL-50%_off", Traffic.FIREFOX_LINUX, "DE", "10:01:00", "\"url\":\"/x\",\"name\":\"ÄPFEL 50%_OFF\"");
        send("kunde-äpfel-50x-off", Traffic.CHROME_WIN, "FR", "11:00:00", "\"url\":\"/shop/apfel-50x-off\"");
        send("kunde-äpfel-50x-off", Traffic.CHROME_WIN, "FR", "11:01:00", "\"url\":\"/y\",\"name\":\"äpfel 50x off\"");
        send("back\\\\slash", Traffic.SAFARI_IPHONE, "GB", "12:00:00", "\"url\":\"/plain\"");
        send("back\\\\slash", Traffic.SAFARI_IPHONE, "GB", "12:01:00", "\"url\":\"/z\",\"name\":\"a\\\\b\"");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static void send(String visitor, String ua, String country, String time, String fields) {
        String body = "{\"type\":\"event\",\"payload\":{\"website\":\"" + site + "\",\"hostname\":\"example.com\","
                + "\"screen\":\"1920x1080\",\"language\":\"en-US\",\"id\":\"" + visitor + "\",\"timestamp\":"
                + Instant.parse("2026-06-10T" + time + "Z").getEpochSecond() + "," + fields + "}}";
        var res = server.http().send("POST", "/api/send", body, null, Map.of("User-Agent", ua, "cf-ipcountry", country));
        assertThat(res.status()).as(res.body()).isEqualTo(200);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static JsonNode get(String route, String params) {
        return server.websiteJson(site, route + "?" + RANGE + "&" + params);
    }

    /** The countries of the sessions the search finds (one visitor each), sorted, and the count the page reports. */
    static String sessions(String search) {
        JsonNode page = get("sessions", "search=" + enc(search));
        TreeSet<String> ids = new TreeSet<>();
        page.get("data").forEach(r -> ids.add(r.get("country").asText()));
        return ids + " " + page.get("count").asLong();
    }

    /** The event names and paths the events list shows for these parameters, sorted, and the count the page reports. */
    static String events(String params) {
        JsonNode page = get("events", params);
        List<String> found = new ArrayList<>();
        page.get("data").forEach(r -> found.add(r.get("eventType").asInt() == 2 ? r.get("eventName").asText() : r.get("urlPath").asText()));
        return new TreeSet<>(found) + " " + page.get("count").asLong();
    }

    static long pageviews(String filter) {
        return get("stats", filter).get("pageviews").asLong();
    }

    @Test
    void searchAndContainsMatchTextLiterallyIgnoringCase() {
        for (boolean folded : new boolean[]{false, true}) {
            if (folded) server.fold();
            assertThat(sessions("50%_off")).as("folded " + folded).isEqualTo("[DE] 1");
            assertThat(sessions("äpfel")).as("folded " + folded).isEqualTo("[DE, FR] 2");
            assertThat(sessions("KUNDE-ÄPFEL-50X")).as("folded " + folded).isEqualTo("[FR] 1");
            assertThat(sessions("\\")).as("folded " + folded).isEqualTo("[GB] 1");
            assertThat(sessions("k\\s")).as("folded " + folded).isEqualTo("[GB] 1");
            assertThat(sessions("_")).as("folded " + folded).isEqualTo("[DE] 1");
            assertThat(sessions("%")).as("folded " + folded).isEqualTo("[DE] 1");
            assertThat(sessions("FIREFOX")).as("folded " + folded).isEqualTo("[DE] 1");

            assertThat(events("search=" + enc("50%_off"))).as("folded " + folded).isEqualTo("[/shop/Apfel-50%_off, ÄPFEL 50%_OFF] 2");
            assertThat(events("search=" + enc("ÄPFEL"))).as("folded " + folded).isEqualTo("[ÄPFEL 50%_OFF, äpfel 50x off] 2");
            assertThat(events("search=" + enc("äpfel"))).as("folded " + folded).isEqualTo("[ÄPFEL 50%_OFF, äpfel 50x off] 2");
            assertThat(events("search=" + enc("aPFEL"))).as("folded " + folded).isEqualTo("[/shop/Apfel-50%_off, /shop/apfel-50x-off] 2");
            assertThat(events("search=" + enc("a\\b"))).as("folded " + folded).isEqualTo("[a\\b] 1");
            assertThat(events("search=" + enc("\\"))).as("folded " + folded).isEqualTo("[a\\b] 1");
            assertThat(events("event=" + enc("c.äpfel 50%_"))).as("folded " + folded).isEqualTo("[ÄPFEL 50%_OFF] 1");
            assertThat(events("event=" + enc("dnc.ÄPFEL"))).as("folded " + folded).isEqualTo("[a\\b] 1");

            assertThat(pageviews("path=" + enc("c.50%_OFF"))).as("folded " + folded).isEqualTo(1);
            assertThat(pageviews("path=" + enc("c.APFEL"))).as("folded " + folded).isEqualTo(2);
            assertThat(pageviews("path=" + enc("dnc.50%_off"))).as("folded " + folded).isEqualTo(2);
            assertThat(pageviews("path=" + enc("dnc.apfel"))).as("folded " + folded).isEqualTo(1);
        }
    }
}
