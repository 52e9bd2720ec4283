package io.footfall.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.testing.ReadRoutes;
import io.footfall.testing.TestServer;
import io.footfall.testing.Traffic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code segment=<id>} reads exactly as the segment's filters given inline, and {@code cohort=<id>} keeps the
 * cohort's sessions, on every statistics, sessions, events, event-data and session-data route, folded or not.
 * The day read is 2026-06-10 (UTC), as in {@link FilterMatchingTest}:
 * <ul>
 *   <li>A: Firefox on Linux, DE: views /a 10:00 and /b 10:05, {@code signup} {plan: pro} on /b 10:06, identify {tier: gold};
 *       earlier, a view of /signup on 06-02</li>
 *   <li>B: Chrome on Windows, FR: view /c 11:00, {@code signup} {plan: free} on /c2 11:02, identify {tier: silver};
 *       earlier, a view of /pricing on 06-02 and a {@code trial} event on 06-03</li>
 *   <li>C: Chrome on Windows, US: view /d 12:00, {@code download} {file: x.pdf} 12:01, identify {tier: bronze};
 *       earlier, a view of /landing from google.com on 06-04</li>
 *   <li>D: Safari on iPhone, GB: view /e 13:00; later, a view of /signup on 06-20</li>
 * </ul>
 * Each visitor sends an {@code id}, so its session is one across days and {@code distinctId=A} names exactly
 * A's session: a cohort of A must answer as that filter does.
 */
class SegmentFilterTest {
    static final String RANGE = TestServer.range("2026-06-10T00:00:00Z", "2026-06-10T23:59:59.999Z");
    static final long JUNE_1 = Instant.parse("2026-06-01T00:00:00Z").toEpochMilli();
    static final long JUNE_5 = Instant.parse("2026-06-05T23:59:59.999Z").toEpochMilli();
    static final long JUNE_30 = Instant.parse("2026-06-30T23:59:59.999Z").toEpochMilli();
    static final List<String> ROUTES = List.of("stats", "pageviews?unit=hour&timezone=UTC", "pageviews?unit=day",
            "metrics?type=path", "metrics?type=browser", "metrics?type=country", "metrics?type=entry", "metrics?type=event",
            "metrics?type=channel", "metrics/expanded?type=path", "metrics/expanded?type=browser", "sessions", "sessions/stats",
            "sessions/weekly?timezone=UTC", "events", "events/stats", "events/series?unit=hour&timezone=UTC",
            "event-data/events", "event-data/events?event=signup", "event-data/fields", "event-data/properties",
            "event-data/values?event=signup&propertyName=plan", "event-data/stats", "event-data", "session-data/properties",
            "session-data/values?propertyName=tier", "export", "revenue/sessions?currency=USD");

    static TestServer server;
    static String site;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        site = server.createWebsite("Segments", "example.com");
        send("A", Traffic.FIREFOX_LINUX, "DE", "event", "2026-06-02T09:00:00", "\"url\":\"/signup\"");
        send("B", Traffic.CHROME_WIN, "FR", "event", "2026-06-02T09:00:00", "\"url\":\"/pricing\"");
        send("B", Traffic.CHROME_WIN, "FR", "event", "2026-06-03T09:00:00", "\"url\":\"/pricing\",\"name\":\"trial\"");
        send("C", Traffic.CHROME_WIN, "US", "event", "2026-06-04T09:00:00", "\"url\":\"/landing\",\"referrer\":\"https://google.com/\"");
        send("A", Traffic.FIREFOX_LINUX, "DE", "event", "2026-06-10T10:00:00", "\"url\":\"/a\"");
        send("A", Traffic.FIREFOX_LINUX, "DE", "event", "2026-06-10T10:05:00", "\"url\":\"/b\"");
        send("A", Traffic.FIREFOX_LINUX, "DE", "event", "2026-06-10T10:06:00", "\"url\":\"/b\",\"name\":\"signup\",\"data\":{\"plan\":\"pro\"}");
        send("A", Traffic.FIREFOX_LINUX, "DE", "identify", "2026-06-10T10:07:00", "\"data\":{\"tier\":\"gold\"}");
        send("B", Traffic.CHROME_WIN, "FR", "event", "2026-06-10T11:00:00", "\"url\":\"/c\"");
        send("B", Traffic.CHROME_WIN, "FR", "event", "2026-06-10T11:02:00", "\"url\":\"/c2\",\"name\":\"signup\",\"data\":{\"plan\":\"free\"}");
        send("B", Traffic.CHROME_WIN, "FR", "identify", "2026-06-10T11:03:00", "\"data\":{\"tier\":\"silver\"}");
        send("C", Traffic.CHROME_WIN, "US", "event", "2026-06-10T12:00:00", "\"url\":\"/d\"");
        send("C", Traffic.CHROME_WIN, "US", "event", "2026-06-10T12:01:00", "\"url\":\"/d\",\"name\":\"download\",\"data\":{\"file\":\"x.pdf\"}");
        send("C", Traffic.CHROME_WIN, "US", "identify", "2026-06-10T12:02:00", "\"data\":{\"tier\":\"bronze\"}");
        send("D", Traffic.SAFARI_IPHONE, "GB", "event", "2026-06-10T13:00:00", "\"url\":\"/e\"");
        send("D", Traffic.SAFARI_IPHONE, "GB", "event", "2026-06-20T13:00:00", "\"url\":\"/signup\"");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static void send(String visitor, String ua, String country, String type, String time, String fields) {
        String body = "{\"type\":\"" + type + "\",\"payload\":{\"website\":\"" + site + "\",\"hostname\":\"example.com\","
                + "\"screen\":\"1920x1080\",\"language\":\"en-US\",\"id\":\"" + visitor + "\",\"timestamp\":"
                + Instant.parse(time + "Z").getEpochSecond() + "," + fields + "}}";
        var res = server.http().send("POST", "/api/send", body, null, Map.of("User-Agent", ua, "cf-ipcountry", country));
        assertThat(res.status()).as(res.body()).isEqualTo(200);
    }

    static String saved(String type, String parameters) {
        var res = server.http().post("/api/websites/" + site + "/segments",
                "{\"type\":\"" + type + "\",\"name\":\"t\",\"parameters\":" + parameters + "}", server.adminToken());
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        return res.json().get("id").asText();
    }

    static String cohort(String action, String value, String dateRange, String filters) {
        return saved("cohort", "{\"action\":{\"type\":\"" + action + "\",\"value\":\"" + value + "\"},\"dateRange\":\""
                + dateRange + "\",\"filters\":" + filters + "}");
    }

    static JsonNode get(String route, String params) {
        return server.websiteJson(site, route + (route.contains("?") ? "&" : "?") + RANGE + (params.isEmpty() ? "" : "&" + params));
    }

    static String stats(String params) {
        JsonNode s = get("stats", params);
        return s.get("pageviews").asLong() + "/" + s.get("visitors").asLong() + "/" + s.get("visits").asLong();
    }

    /** Every route answers {@code saved} as it answers {@code inline}, before and after a fold. */
    static void sameOnEveryRoute(Map<String, String> savedToInline) {
        for (boolean folded : List.of(false, true)) {
            if (folded) server.fold();
            for (String route : ROUTES) {
                for (var e : savedToInline.entrySet()) {
                    String saved = answer(route, e.getKey());
                    assertThat(saved).as(route + " " + e.getKey() + (folded ? " folded" : "")).isEqualTo(answer(route, e.getValue()));
                }
            }
        }
    }

    /** The route's answer; for {@code export}, the zipped tables' names and contents (the zip also holds the time it was made). */
    static String answer(String route, String params) {
        JsonNode body = get(route, params);
        if (!route.equals("export")) return body.toString();
        StringBuilder tables = new StringBuilder();
        try (var in = new ZipInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(body.get("zip").asText())))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                tables.append(e.getName()).append(":\n").append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables.toString();
    }

    @Test
    void segmentsReadAsTheirFiltersInline() {
        String any = saved("segment", "{\"filters\":[{\"name\":\"browser\",\"operator\":\"eq\",\"value\":\"firefox\"},"
                + "{\"name\":\"country\",\"operator\":\"eq\",\"value\":\"FR\"}],\"match\":\"any\"}");
        String list = saved("segment", "{\"filters\":[{\"name\":\"country\",\"operator\":\"eq\",\"value\":[\"DE\",\"FR\"]}]}");
        String two = saved("segment", "{\"filters\":[{\"name\":\"path\",\"operator\":\"c\",\"value\":\"/c\"},"
                + "{\"name\":\"path\",\"operator\":\"neq\",\"value\":\"/c2\"}]}");
        String none = saved("segment", "{}");
        assertThat(stats("segment=" + any)).isEqualTo("3/2/2");
        assertThat(stats("segment=" + list)).isEqualTo("3/2/2");
        assertThat(stats("segment=" + two)).isEqualTo("1/1/1");
        sameOnEveryRoute(Map.of(
                "segment=" + any, "browser=firefox&country=FR&match=any",
                "segment=" + list, "country=DE,FR",
                "segment=" + two, "path=c./c&path1=neq./c2",
                "segment=" + none, ""));
    }

    @Test
    void segmentFiltersJoinInlineOnesAndWinOnTheSameName() {
        String de = saved("segment", "{\"filters\":[{\"name\":\"country\",\"operator\":\"eq\",\"value\":\"DE\"}]}");
        String any = saved("segment", "{\"filters\":[{\"name\":\"country\",\"operator\":\"eq\",\"value\":\"DE\"}],\"match\":\"any\"}");
        assertThat(stats("segment=" + de + "&path=/a")).isEqualTo(stats("country=DE&path=/a")).isEqualTo("1/1/1");
        // the segment's filter replaces an inline one of the same name, as Umami merges them
        assertThat(stats("segment=" + de + "&country=US")).isEqualTo("2/1/1");
        // and its match replaces the request's: DE or /d
        assertThat(stats("segment=" + any + "&path=/d&match=all")).isEqualTo("3/2/2");
    }

    @Test
    void cohortsKeepTheSessionsThatActedInTheirRange() {
        String signedUp = cohort("path", "/signup", "range:" + JUNE_1 + ":" + JUNE_5, "[]");
        String trial = cohort("event", "trial", "range:" + JUNE_1 + ":" + JUNE_5, "[]");
        String gbLater = cohort("path", "/signup", "range:" + JUNE_1 + ":" + JUNE_30,
                "[{\"name\":\"country\",\"operator\":\"eq\",\"value\":\"GB\"}]");
        String either = cohort("path", "/signup,/pricing", "range:" + JUNE_1 + ":" + JUNE_5, "[]");
        String nobody = cohort("path", "/a", "range:" + JUNE_1 + ":" + JUNE_5, "[]");
        String fromGoogle = cohort("path", "/landing", "range:" + JUNE_1 + ":" + JUNE_5,
                "[{\"name\":\"referrer\",\"operator\":\"eq\",\"value\":\"google.com\"}]");
        // A viewed /signup in the range (D did too, but later); B sent trial; D is the one from GB
        assertThat(stats("cohort=" + signedUp)).isEqualTo("2/1/1");
        assertThat(stats("cohort=" + trial)).isEqualTo("1/1/1");
        assertThat(stats("cohort=" + gbLater)).isEqualTo("1/1/1");
        assertThat(stats("cohort=" + either)).isEqualTo("3/2/2");
        assertThat(stats("cohort=" + nobody)).isEqualTo("0/0/0");
        assertThat(stats("cohort=" + fromGoogle)).isEqualTo("1/1/1");
        assertThat(get("sessions", "cohort=" + signedUp).get("count").asLong()).isEqualTo(1);
        assertThat(get("events/stats", "cohort=" + trial).get("data").get("events").asLong()).isEqualTo(1);
        sameOnEveryRoute(Map.of(
                "cohort=" + signedUp, "distinctId=A",
                "cohort=" + trial, "distinctId=B",
                "cohort=" + gbLater, "distinctId=D",
                "cohort=" + either, "distinctId=A,B",
                "cohort=" + nobody, "distinctId=nobody",
                "cohort=" + fromGoogle, "distinctId=C"));
    }

    @Test
    void cohortIsAndedWithFiltersAndSegmentsEvenUnderMatchAny() {
        String signedUp = cohort("path", "/signup", "range:" + JUNE_1 + ":" + JUNE_5, "[]");
        String fr = saved("segment", "{\"filters\":[{\"name\":\"country\",\"operator\":\"eq\",\"value\":\"FR\"}]}");
        assertThat(stats("cohort=" + signedUp + "&path=/b")).isEqualTo("1/1/1");
        assertThat(stats("cohort=" + signedUp + "&path=/b&country=FR&match=any")).isEqualTo("1/1/1");
        assertThat(stats("cohort=" + signedUp + "&segment=" + fr)).isEqualTo("0/0/0");
        assertThat(get("metrics", "type=path&search=a&cohort=" + signedUp).toString()).isEqualTo("[{\"x\":\"/a\",\"y\":1}]");
    }

    @Test
    void relativeAndAllTimeCohortRanges() {
        // the traffic lies in June 2026: "all" sees it, the last 24 hours do not
        String all = cohort("path", "/signup", "all", "[]");
        String lastDay = cohort("path", "/signup", "24hour", "[]");
        assertThat(stats("cohort=" + all)).isEqualTo("3/2/2");
        assertThat(stats("cohort=" + lastDay)).isEqualTo("0/0/0");
    }

    @Test
    void everyReadRouteTakesASegmentAndACohort() {
        String segment = saved("segment", "{\"filters\":[{\"name\":\"country\",\"operator\":\"eq\",\"value\":\"DE\"}]}");
        String cohort = cohort("path", "/signup", "all", "[]");
        String session = get("sessions", "").get("data").get(0).get("id").asText();
        for (String route : ReadRoutes.all(site, session)) {
            for (String q : List.of("&segment=" + segment, "&cohort=" + cohort, "&segment=" + segment + "&cohort=" + cohort)) {
                var res = server.http().get(route + q, server.adminToken());
                assertThat(res.status()).as(route + q + " -> " + res.body()).isEqualTo(200);
            }
        }
    }
}
