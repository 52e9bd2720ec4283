package io.footfall.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.testing.TestServer;
import io.footfall.testing.Traffic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.footfall.testing.Traffic.CHROME_WIN;
import static io.footfall.testing.Traffic.SAFARI_IPHONE;
import static org.assertj.core.api.Assertions.assertThat;

/** The sparklines of website, link and pixel lists: visitors per twelve-hour slot of local time, and in all. */
class ChartApiTest {
    static TestServer server;
    static String site;
    static String noise;
    static final String RANGE = "startAt=" + Instant.parse("2026-03-07T00:00:00Z").toEpochMilli()
            + "&endAt=" + (Instant.parse("2026-03-09T00:00:00Z").toEpochMilli() - 1);

    @BeforeAll
    static void start() {
        server = TestServer.start();
        site = server.createWebsite("Charts", "example.com");
        noise = server.createWebsite("Noise", "noise.org");
        Traffic t = new Traffic(server, site);
        t.visitor("early", CHROME_WIN, null, null, null).view("2026-03-06T12:00:00Z", "/", null); // before the range
        t.visitor("v1", CHROME_WIN, null, null, null)
                .view("2026-03-07T10:00:00Z", "/", null)
                .view("2026-03-07T10:05:00Z", "/a", null)
                .view("2026-03-08T15:00:00Z", "/b", null);
        t.visitor("v2", SAFARI_IPHONE, null, null, null).view("2026-03-07T23:30:00Z", "/", null);
        t.visitor("v3", CHROME_WIN, null, null, null).event("2026-03-08T08:00:00Z", "/", "signup"); // not a view
        new Traffic(server, noise).visitor("n1", CHROME_WIN, null, null, null).view("2026-03-07T12:00:00Z", "/", null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode charts(String kind, String query, String token) {
        var res = server.http().get("/api/" + kind + "/charts?" + query, token);
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        return res.json().get("data");
    }

    private static List<Long> values(JsonNode chart) {
        List<Long> out = new ArrayList<>();
        chart.get("values").forEach(v -> out.add(v.asLong()));
        return out;
    }

    @Test
    void visitorsPerHalfDayInUtcAndInAll() {
        JsonNode data = charts("websites", "ids=" + site + "," + noise + "&" + RANGE, server.adminToken());
        List<String> ids = new ArrayList<>();
        data.fieldNames().forEachRemaining(ids::add);
        assertThat(ids).containsExactly(site, noise);
        // 7 March before noon, after noon, 8 March before noon (a custom event only), after noon
        assertThat(values(data.get(site))).containsExactly(1L, 1L, 0L, 1L);
        assertThat(data.get(site).get("total").asLong()).isEqualTo(2);
        assertThat(values(data.get(noise))).containsExactly(0L, 1L, 0L, 0L); // noon starts the afternoon slot
        assertThat(data.get(noise).get("total").asLong()).isEqualTo(1);
    }

    @Test
    void slotsFollowTheTimeZoneAcrossItsClockChange() {
        // New York moves to summer time on 8 March 2026: the range runs from 6 March 19:00 EST to 8 March 19:59 EDT.
        JsonNode data = charts("websites", "ids=" + site + "&" + RANGE + "&timezone=America/New_York", server.adminToken());
        assertThat(values(data.get(site))).containsExactly(0L, 1L, 1L, 1L, 0L);
        assertThat(data.get(site).get("total").asLong()).isEqualTo(2);
    }

    @Test
    void aLinksClicksAreItsVisitors() {
        String token = server.adminToken();
        var link = server.http().post("/api/links", "{\"name\":\"Docs\",\"url\":\"https://example.com/docs\",\"slug\":\"chart-docs\"}", token);
        assertThat(link.status()).as(link.body()).isEqualTo(200);
        String linkId = link.json().get("id").asText();
        assertThat(server.http().send("GET", "/q/chart-docs", null, null, Map.of("User-Agent", CHROME_WIN)).status()).isEqualTo(307);
        JsonNode data = charts("links", "ids=" + linkId, token); // the last 24 hours
        assertThat(data.get(linkId).get("total").asLong()).isEqualTo(1);
        assertThat(values(data.get(linkId)).stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
    }

    @Test
    void badIdsAre400AndOthersWebsites401() {
        String admin = server.adminToken();
        assertThat(server.http().get("/api/websites/charts", admin).status()).isEqualTo(400);
        assertThat(server.http().get("/api/websites/charts?ids=nope", admin).status()).isEqualTo(400);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 21; i++) many.append(i == 0 ? "" : ",").append(UUID.randomUUID());
        assertThat(server.http().get("/api/websites/charts?ids=" + many, admin).status()).isEqualTo(400);
        assertThat(server.http().get("/api/websites/charts?ids=" + site + "&timezone=Mars/Base", admin).status()).isEqualTo(400);
        assertThat(server.http().get("/api/websites/charts?ids=" + site, null).status()).isEqualTo(401);

        server.createUser("chart-other", "chart-other-pass", "user");
        String other = server.login("chart-other", "chart-other-pass");
        assertThat(server.http().get("/api/websites/charts?ids=" + site, other).status()).isEqualTo(401);
        String own = server.createWebsite(other, "Own", "own.example");
        assertThat(server.http().get("/api/websites/charts?ids=" + own + "," + site, other).status()).isEqualTo(401);
        assertThat(charts("websites", "ids=" + own, other).get(own).get("total").asLong()).isZero();
    }
}
