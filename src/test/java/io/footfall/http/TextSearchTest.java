package io.footfall.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.testing.Traffic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static io.footfall.http.OneDaySite.enc;
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
    static OneDaySite day;

    @BeforeAll
    static void start() {
        day = new OneDaySite("Search");
        day.send("Kunde-ÄPFEL-50%_off", Traffic.FIREFOX_LINUX, "DE", "event", "10:00:00", "\"url\":\"/shop/Apfel-50%_off\"");
        day.send("Kunde-ÄPFEL-50%_off", Traffic.FIREFOX_LINUX, "DE", "event", "10:01:00", "\"url\":\"/x\",\"name\":\"ÄPFEL 50%_OFF\"");
        day.send("kunde-äpfel-50x-off", Traffic.CHROME_WIN, "FR", "event", "11:00:00", "\"url\":\"/shop/apfel-50x-off\"");
        day.send("kunde-äpfel-50x-off", Traffic.CHROME_WIN, "FR", "event", "11:01:00", "\"url\":\"/y\",\"name\":\"äpfel 50x off\"");
        day.send("back\\\\slash", Traffic.SAFARI_IPHONE, "GB", "event", "12:00:00", "\"url\":\"/plain\"");
        day.send("back\\\\slash", Traffic.SAFARI_IPHONE, "GB", "event", "12:01:00", "\"url\":\"/z\",\"name\":\"a\\\\b\"");
    }

    @AfterAll
    static void stop() {
        day.close();
    }

    /** The countries of the sessions the search finds (one visitor each), sorted, and the count the page reports. */
    static String sessions(String search) {
        JsonNode page = day.get("sessions", "search=" + enc(search));
        TreeSet<String> ids = new TreeSet<>();
        page.get("data").forEach(r -> ids.add(r.get("country").asText()));
        return ids + " " + page.get("count").asLong();
    }

    /** The event names and paths the events list shows for these parameters, sorted, and the count the page reports. */
    static String events(String params) {
        JsonNode page = day.get("events", params);
        List<String> found = new ArrayList<>();
        page.get("data").forEach(r -> found.add(r.get("eventType").asInt() == 2 ? r.get("eventName").asText() : r.get("urlPath").asText()));
        return new TreeSet<>(found) + " " + page.get("count").asLong();
    }

    static long pageviews(String filter) {
        return day.get("stats", filter).get("pageviews").asLong();
    }

    @Test
    void searchAndContainsMatchTextLiterallyIgnoringCase() {
        for (boolean folded : new boolean[]{false, true}) {
            if (folded) day.server.fold();
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
