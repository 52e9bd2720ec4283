package io.footfall.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sessions and session data API over {@link KnownTraffic}. */
class SessionApiTest extends KnownTraffic {

    // ---- sessions list

    @Test
    void listsSessionsPerHostnameNewestActivityFirst() {
        JsonNode page = json("/sessions?" + MARCH);
        assertThat(page.get("count").asLong()).isEqualTo(4);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("pageSize").asInt()).isEqualTo(20);
        assertThat(ids(page)).containsExactly(sessionC + "@example.com", sessionC + "@docs.example.com",
                sessionB + "@example.com", sessionA + "@example.com");
    }

    @Test
    void sessionRowHasUmamiColumnsWithNumbers() {
        JsonNode a = json("/sessions?" + MARCH).get("data").get(3);
        assertThat(a.toString()).isEqualTo("{\"id\":\"" + sessionA + "\",\"websiteId\":\"" + website + "\","
                + "\"hostname\":\"example.com\",\"browser\":\"chrome\",\"os\":\"Windows 10\",\"device\":\"laptop\","
                + "\"screen\":\"1920x1080\",\"language\":\"de-DE\",\"country\":\"DE\",\"region\":\"DE-BE\",\"city\":\"Berlin\","
                + "\"firstAt\":\"2026-03-04T10:00:00.000Z\",\"lastAt\":\"2026-03-04T11:00:00.000Z\",\"visits\":2,\"views\":3,"
                + "\"events\":1,\"createdAt\":\"2026-03-04T11:00:00.000Z\"}");
        JsonNode b = json("/sessions?" + MARCH).get("data").get(2);
        assertThat(b.get("browser").asText()).isEqualTo("ios");
        assertThat(b.get("os").asText()).isEqualTo("iOS");
        assertThat(b.get("device").asText()).isEqualTo("mobile");
        assertThat(b.get("region").asText()).isEqualTo("US-CA");
    }

    @Test
    void sessionsOnTwoHostnamesSplitTheirCounts() {
        JsonNode data = json("/sessions?" + MARCH).get("data");
        assertThat(data.get(0).get("views").asLong()).isEqualTo(1);
        assertThat(data.get(0).get("events").asLong()).isEqualTo(1);
        assertThat(data.get(0).get("firstAt").asText()).isEqualTo("2026-03-06T08:02:00.000Z");
        assertThat(data.get(1).get("views").asLong()).isEqualTo(1);
        assertThat(data.get(1).get("events").asLong()).isEqualTo(0);
    }

    @Test
    void pagesSessions() {
        JsonNode page = json("/sessions?" + MARCH + "&page=2&pageSize=3");
        assertThat(page.get("count").asLong()).isEqualTo(4);
        assertThat(page.get("page").asInt()).isEqualTo(2);
        assertThat(page.get("pageSize").asInt()).isEqualTo(3);
        assertThat(ids(page)).containsExactly(sessionA + "@example.com");
        JsonNode past = json("/sessions?" + MARCH + "&page=3&pageSize=3");
        assertThat(past.get("data")).isEmpty();
        assertThat(past.get("count").asLong()).isEqualTo(4);
    }

    @Test
    void searchMatchesDistinctIdCityAndBrowser() {
        assertThat(ids(json("/sessions?" + MARCH + "&search=USER-4")))
                .containsExactly(sessionC + "@example.com", sessionC + "@docs.example.com");
        assertThat(ids(json("/sessions?" + MARCH + "&search=berl"))).containsExactly(sessionA + "@example.com");
        assertThat(ids(json("/sessions?" + MARCH + "&search=ios"))).containsExactly(sessionB + "@example.com");
        JsonNode none = json("/sessions?" + MARCH + "&search=" + enc("'; DROP TABLE event; --"));
        assertThat(none.get("count").asLong()).isZero();
        assertThat(none.get("data")).isEmpty();
    }

    @Test
    void filtersApplyToSessionRows() {
        assertThat(ids(json("/sessions?" + MARCH + "&country=US"))).containsExactly(sessionB + "@example.com");
        assertThat(ids(json("/sessions?" + MARCH + "&hostname=docs.example.com"))).containsExactly(sessionC + "@docs.example.com");
        assertThat(ids(json("/sessions?" + MARCH + "&browser=neq.chrome")))
                .containsExactly(sessionC + "@example.com", sessionC + "@docs.example.com", sessionB + "@example.com");
        JsonNode pricing = json("/sessions?" + MARCH + "&path=/pricing").get("data");
        assertThat(pricing).hasSize(1);
        assertThat(pricing.get(0).get("views").asLong()).isEqualTo(1);
        assertThat(pricing.get(0).get("events").asLong()).isEqualTo(1);
        assertThat(pricing.get(0).get("visits").asLong()).isEqualTo(1);
        assertThat(pricing.get(0).get("lastAt").asText()).isEqualTo("2026-03-04T10:06:00.000Z");
    }

    @Test
    void rangeLimitsSessions() {
        String thursday = "startAt=" + Instant.parse("2026-03-05T00:00:00Z").toEpochMilli()
                + "&endAt=" + Instant.parse("2026-03-05T23:59:59Z").toEpochMilli();
        assertThat(ids(json("/sessions?" + thursday))).containsExactly(sessionB + "@example.com");
    }

    // ---- stats

    @Test
    void sessionStatsCountAllTrackedRowsAsPageviews() {
        assertThat(json("/sessions/stats?" + MARCH).toString()).isEqualTo("{\"pageviews\":{\"value\":9},"
                + "\"visitors\":{\"value\":3},\"visits\":{\"value\":4},\"countries\":{\"value\":2},\"events\":{\"value\":3}}");
    }

    @Test
    void sessionStatsApplyFilters() {
        assertThat(json("/sessions/stats?" + MARCH + "&country=DE").toString()).isEqualTo("{\"pageviews\":{\"value\":7},"
                + "\"visitors\":{\"value\":2},\"visits\":{\"value\":3},\"countries\":{\"value\":1},\"events\":{\"value\":2}}");
    }

    // ---- weekly

    @Test
    void weeklyCountsDistinctSessionsPerUtcDayAndHour() {
        JsonNode w = json("/sessions/weekly?" + MARCH + "&timezone=UTC");
        long[][] expected = new long[7][24];
        expected[3][10] = 1; // A, Wednesday 10:00–10:06 (three hits, one session)
        expected[3][11] = 1; // A's second visit; its web-vitals hit at 12:10 does not count
        expected[4][23] = 1; // B, Thursday 23:30
        expected[5][8] = 1;  // C, Friday 08:01–08:03
        assertMatrix(w, expected);
    }

    @Test
    void weeklyUsesTheRequestedZone() {
        long[][] newYork = new long[7][24];
        newYork[3][5] = 1;
        newYork[3][6] = 1;
        newYork[4][18] = 1;
        newYork[5][3] = 1;
        assertMatrix(json("/sessions/weekly?" + MARCH + "&timezone=America/New_York"), newYork);

        long[][] tokyo = new long[7][24];
        tokyo[3][19] = 1;
        tokyo[3][20] = 1;
        tokyo[5][8] = 1;  // B's Thursday 23:30 UTC is Friday 08:30 in Tokyo
        tokyo[5][17] = 1;
        assertMatrix(json("/sessions/weekly?" + MARCH + "&timezone=Asia/Tokyo"), tokyo);
    }

    @Test
    void weeklyFollowsDaylightSavingTimeWithinTheRange() {
        String site = server.createWebsite("DST", "example.com");
        Visitor v = new Visitor(CHROME_WIN, "1920x1080", "8.8.8.9", "en-US", "US", "NY", "New York", null, site);
        v.view("2026-03-07T14:00:00Z", "example.com", "/"); // Saturday, EST (UTC-5): 09:00
        v.view("2026-03-09T14:00:00Z", "example.com", "/"); // Monday, EDT (UTC-4): 10:00
        var res = server.http().get("/api/websites/" + site + "/sessions/weekly?" + MARCH + "&timezone=America/New_York",
                server.adminToken());
        long[][] expected = new long[7][24];
        expected[6][9] = 1;
        expected[1][10] = 1;
        assertMatrix(res.json(), expected);
    }

    @Test
    void weeklyAppliesFilters() {
        long[][] expected = new long[7][24];
        expected[4][23] = 1;
        assertMatrix(json("/sessions/weekly?" + MARCH + "&timezone=UTC&country=US"), expected);
    }

    @Test
    void weeklyNeedsAValidTimezone() {
        assertThat(get("/sessions/weekly?" + MARCH).status()).isEqualTo(400);
        assertThat(get("/sessions/weekly?" + MARCH + "&timezone=Mars/Olympus").status()).isEqualTo(400);
    }

    static void assertMatrix(JsonNode w, long[][] expected) {
        assertThat(w.size()).isEqualTo(7);
        for (int d = 0; d < 7; d++) {
            assertThat(w.get(d).size()).isEqualTo(24);
            for (int h = 0; h < 24; h++) {
                assertThat(w.get(d).get(h).isNumber()).isTrue();
                assertThat(w.get(d).get(h).asLong()).as("day %d hour %d", d, h).isEqualTo(expected[d][h]);
            }
        }
    }

    // ---- one session

    @Test
    void sessionDetailHasNumbersAndTotalTime() {
        assertThat(json("/sessions/" + sessionA).toString()).isEqualTo("{\"id\":\"" + sessionA + "\",\"websiteId\":\"" + website
                + "\",\"distinctId\":null,\"browser\":\"chrome\",\"os\":\"Windows 10\",\"device\":\"laptop\",\"screen\":\"1920x1080\","
                + "\"language\":\"de-DE\",\"country\":\"DE\",\"region\":\"DE-BE\",\"city\":\"Berlin\","
                + "\"firstAt\":\"2026-03-04T10:00:00.000Z\",\"lastAt\":\"2026-03-04T11:00:00.000Z\",\"visits\":2,\"views\":3,"
                + "\"events\":1,\"totaltime\":360}");
    }

    @Test
    void identifiedSessionCarriesItsDistinctId() {
        JsonNode c = json("/sessions/" + sessionC);
        assertThat(c.get("distinctId").asText()).isEqualTo("user-42");
        assertThat(c.get("views").asLong()).isEqualTo(2);
        assertThat(c.get("events").asLong()).isEqualTo(1);
        assertThat(c.get("visits").asLong()).isEqualTo(1);
        assertThat(c.get("totaltime").asLong()).isEqualTo(120);
        assertThat(c.get("browser").asText()).isEqualTo("firefox");
        assertThat(c.get("os").asText()).isEqualTo("Linux");
    }

    @Test
    void unknownSessionIsAnEmptyObject() {
        assertThat(json("/sessions/" + sessionGhost).toString()).isEqualTo("{}");
        assertThat(json("/sessions/00000000-0000-0000-0000-000000000000").toString()).isEqualTo("{}");
    }

    @Test
    void badSessionIdsAreClientErrors() {
        assertThat(get("/sessions/not-a-uuid").status()).isEqualTo(400);
        assertThat(get("/sessions/" + enc("1' OR '1'='1")).status()).isEqualTo(400);
        assertThat(get("/sessions/not-a-uuid/activity").status()).isEqualTo(400);
        assertThat(get("/sessions/not-a-uuid/properties").status()).isEqualTo(400);
    }

    @Test
    void activityIsTheSessionTimelineNewestFirst() {
        JsonNode rows = json("/sessions/" + sessionA + "/activity?" + MARCH);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).get("createdAt").asText()).isEqualTo("2026-03-04T11:00:00.000Z");
        JsonNode signup = rows.get(1);
        assertThat(signup.get("createdAt").asText()).isEqualTo("2026-03-04T10:06:00.000Z");
        assertThat(signup.get("urlPath").asText()).isEqualTo("/pricing");
        assertThat(signup.get("eventType").asInt()).isEqualTo(2);
        assertThat(signup.get("eventName").asText()).isEqualTo("signup");
        assertThat(signup.get("hasData").asInt()).isEqualTo(1);
        assertThat(signup.get("visitId").asText()).isEqualTo(rows.get(3).get("visitId").asText());
        assertThat(rows.get(0).get("visitId").asText()).isNotEqualTo(rows.get(3).get("visitId").asText());
        assertThat(rows.get(2).get("eventType").asInt()).isEqualTo(1);
        assertThat(rows.get(2).get("hasData").asInt()).isEqualTo(0);
        assertThat(rows.get(2).get("eventName").isNull()).isTrue();
        assertThat(rows.get(3).get("urlPath").asText()).isEqualTo("/");
    }

    @Test
    void activityHonoursTheRange() {
        String morning = "startAt=" + Instant.parse("2026-03-04T10:00:00Z").toEpochMilli()
                + "&endAt=" + Instant.parse("2026-03-04T10:30:00Z").toEpochMilli();
        assertThat(json("/sessions/" + sessionA + "/activity?" + morning)).hasSize(3);
        assertThat(json("/sessions/" + sessionA + "/activity")).hasSize(4);
    }

    @Test
    void propertiesAreTheSessionDataNewestValuePerKey() {
        JsonNode rows = json("/sessions/" + sessionC + "/properties");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).toString()).isEqualTo("{\"websiteId\":\"" + website + "\",\"sessionId\":\"" + sessionC
                + "\",\"dataKey\":\"age\",\"dataType\":2,\"stringValue\":\"40\",\"numberValue\":40,\"dateValue\":null,"
                + "\"createdAt\":\"2026-03-06T08:05:00.000Z\"}");
        assertThat(rows.get(1).get("dataKey").asText()).isEqualTo("email");
        assertThat(rows.get(1).get("stringValue").asText()).isEqualTo("c@z.io");
        assertThat(rows.get(1).get("createdAt").asText()).isEqualTo("2026-03-06T08:00:00.000Z");
        assertThat(rows.get(2).get("dataKey").asText()).isEqualTo("plan");
        assertThat(rows.get(2).get("stringValue").asText()).isEqualTo("team");
        assertThat(rows.get(3).get("dataKey").asText()).isEqualTo("since");
        assertThat(rows.get(3).get("dataType").asInt()).isEqualTo(4);
        assertThat(rows.get(3).get("dateValue").asText()).isEqualTo("2025-12-24T18:45:00.000Z");
        assertThat(json("/sessions/" + sessionGhost + "/properties")).hasSize(1);
        assertThat(json("/sessions/00000000-0000-0000-0000-000000000000/properties")).isEmpty();
    }

    // ---- session data

    @Test
    void sessionDataPropertiesCountSessionsActiveInRange() {
        assertThat(json("/session-data/properties?" + MARCH).toString()).isEqualTo("[{\"propertyName\":\"email\",\"total\":3},"
                + "{\"propertyName\":\"plan\",\"total\":3},{\"propertyName\":\"age\",\"total\":2},{\"propertyName\":\"since\",\"total\":1}]");
        assertThat(json("/session-data/properties?" + MARCH + "&country=US").toString())
                .isEqualTo("[{\"propertyName\":\"email\",\"total\":1},{\"propertyName\":\"plan\",\"total\":1}]");
    }

    @Test
    void sessionDataValuesCountSessionsPerValue() {
        assertThat(json("/session-data/values?" + MARCH + "&propertyName=plan").toString())
                .isEqualTo("[{\"value\":\"pro\",\"total\":2},{\"value\":\"team\",\"total\":1}]");
        assertThat(json("/session-data/values?" + MARCH + "&propertyName=age").toString())
                .isEqualTo("[{\"value\":\"33\",\"total\":1},{\"value\":\"40\",\"total\":1}]");
        assertThat(json("/session-data/values?" + MARCH + "&propertyName=since").toString())
                .isEqualTo("[{\"value\":\"2025-12-24 18:00:00\",\"total\":1}]");
        assertThat(json("/session-data/values?" + MARCH + "&propertyName=plan&country=DE").toString())
                .isEqualTo("[{\"value\":\"pro\",\"total\":1},{\"value\":\"team\",\"total\":1}]");
    }

    @Test
    void sessionDataValuesNeedAPropertyAndTolerateInjection() {
        assertThat(get("/session-data/values?" + MARCH).status()).isEqualTo(400);
        assertThat(json("/session-data/values?" + MARCH + "&propertyName=" + enc("plan' OR '1'='1"))).isEmpty();
        assertThat(json("/session-data/values?" + MARCH + "&propertyName=nope")).isEmpty();
    }

    // ---- shared checks

    @Test
    void rangeIsRequiredWhereUmamiRequiresIt() {
        for (String path : List.of("/sessions", "/sessions/stats", "/session-data/properties",
                "/session-data/values?propertyName=plan")) {
            assertThat(get(path).status()).as(path).isEqualTo(400);
        }
    }

    @Test
    void everyRouteNeedsAToken() {
        for (String path : List.of("/sessions?" + MARCH, "/sessions/stats?" + MARCH, "/sessions/weekly?" + MARCH + "&timezone=UTC",
                "/sessions/" + sessionA, "/sessions/" + sessionA + "/activity", "/sessions/" + sessionA + "/properties",
                "/session-data/properties?" + MARCH, "/session-data/values?" + MARCH + "&propertyName=plan")) {
            assertThat(server.http().get("/api/websites/" + website + path, null).status()).as(path).isEqualTo(401);
            assertThat(server.http().get("/api/websites/" + website + path, "bad.token").status()).as(path).isEqualTo(401);
        }
    }

    @Test
    void badFiltersAreClientErrors() {
        assertThat(get("/sessions?" + MARCH + "&path=re." + enc("(")).status()).isEqualTo(400);
        assertThat(get("/sessions?" + MARCH + "&pageSize=x").status()).isEqualTo(400);
        assertThat(get("/sessions/stats?" + MARCH + "&segment=nope").status()).isEqualTo(400);
    }

    @Test
    void unknownWebsiteGivesEmptyResultsToAnAdmin() {
        var res = server.http().get("/api/websites/00000000-0000-0000-0000-000000000001/sessions?" + MARCH, server.adminToken());
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().get("count").asLong()).isZero();
    }
}
