package io.footfall.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.testing.Traffic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.footfall.http.OneDaySite.enc;
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
    static final String ANY = "browser=firefox&country=FR&match=any";
    static final String SAME_ROWS = "country=DE,FR";

    static OneDaySite day;

    @BeforeAll
    static void start() {
        day = new OneDaySite("Filters");
        day.send("A", Traffic.FIREFOX_LINUX, "DE", "event", "10:00:00", "\"url\":\"/a\"");
        day.send("A", Traffic.FIREFOX_LINUX, "DE", "event", "10:05:00", "\"url\":\"/b\"");
        day.send("A", Traffic.FIREFOX_LINUX, "DE", "event", "10:06:00", "\"url\":\"/b\",\"name\":\"signup\",\"data\":{\"plan\":\"pro\"}");
        day.send("A", Traffic.FIREFOX_LINUX, "DE", "identify", "10:07:00", "\"data\":{\"tier\":\"gold\"}");
        day.send("B", Traffic.CHROME_WIN, "FR", "event", "11:00:00", "\"url\":\"/c?q=' OR 1=1 --\"");
        day.send("B", Traffic.CHROME_WIN, "FR", "event", "11:02:00", "\"url\":\"/c2\",\"name\":\"signup\",\"data\":{\"plan\":\"free\"}");
        day.send("B", Traffic.CHROME_WIN, "FR", "identify", "11:03:00", "\"data\":{\"tier\":\"silver\"}");
        day.send("C", Traffic.CHROME_WIN, "US", "event", "12:00:00", "\"url\":\"/d?q=100%_off\"");
        day.send("C", Traffic.CHROME_WIN, "US", "event", "12:01:00", "\"url\":\"/d\",\"name\":\"download\",\"data\":{\"file\":\"x.pdf\"}");
        day.send("C", Traffic.CHROME_WIN, "US", "identify", "12:02:00", "\"data\":{\"tier\":\"bronze\"}");
        day.send("D", Traffic.SAFARI_IPHONE, "GB", "event", "13:00:00", "\"url\":\"/e\"");
    }

    @AfterAll
    static void stop() {
        day.close();
    }

    static String stats(String params) {
        JsonNode s = day.get("stats", params);
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
        assertThat(day.get("sessions/stats", "browser=firefox&path=/c&match=any").get("pageviews").get("value").asLong()).isEqualTo(4);
        assertThat(day.get("metrics", "type=path&browser=firefox&path=/c&match=any").toString())
                .isEqualTo("[{\"x\":\"/a\",\"y\":1},{\"x\":\"/b\",\"y\":1},{\"x\":\"/c\",\"y\":1}]");
    }

    @Test
    void everyRouteHonoursMatchAny() {
        for (boolean folded : List.of(false, true)) {
            if (folded) day.server.fold();
            for (String route : List.of("stats", "pageviews?unit=hour&timezone=UTC", "metrics?type=path", "metrics?type=browser",
                    "metrics?type=country", "metrics?type=entry", "metrics?type=event", "metrics?type=channel",
                    "metrics/expanded?type=path", "metrics/expanded?type=query", "sessions", "sessions/stats",
                    "sessions/weekly?timezone=UTC", "events", "events/stats", "events/series?unit=hour&timezone=UTC",
                    "event-data/events", "event-data/events?event=signup", "event-data/fields", "event-data/properties",
                    "event-data/values?event=signup&propertyName=plan", "event-data/stats", "session-data/properties",
                    "session-data/values?propertyName=tier")) {
                String any = day.get(route, ANY).toString();
                assertThat(any).as(route + (folded ? " folded" : "")).isEqualTo(day.get(route, SAME_ROWS).toString());
                // (only A and B sent signup, so there the filters change nothing)
                if (!route.contains("event=signup")) assertThat(any).as(route).isNotEqualTo(day.get(route, "").toString());
            }
        }
        assertThat(day.get("event-data/stats", ANY).toString()).isEqualTo("{\"events\":2,\"properties\":1,\"records\":2}");
        assertThat(day.get("sessions", ANY).get("count").asLong()).isEqualTo(2);
    }

    @Test
    void metricsSearchStaysAndedWithMatchAny() {
        assertThat(day.get("metrics", "type=path&search=b&" + ANY).toString()).isEqualTo("[{\"x\":\"/b\",\"y\":1}]");
    }

    @Test
    void matchMustBeAllOrAny() {
        var res = day.response("stats", "match=some");
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
        assertThat(day.get("metrics", "type=query&search=" + enc("%_")).toString()).isEqualTo("[{\"x\":\"q=100%_off\",\"y\":1}]");
    }
}
