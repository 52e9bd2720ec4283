package io.footfall.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad report requests answer 400 with a message, never 500; callers who cannot see the website get 401. */
class ReportInputApiTest extends ReportTraffic {
    static final String STEPS = "\"steps\":[{\"type\":\"path\",\"value\":\"/\"},{\"type\":\"path\",\"value\":\"/pricing\"}]";

    int status(String type, String body) {
        return post(type, body, server.adminToken()).status();
    }

    @Test
    void funnelNeedsTwoToEightStepsAndAPositiveWindow() {
        assertThat(status("funnel", body("funnel", "\"steps\":[{\"type\":\"path\",\"value\":\"/\"}],\"window\":60", ""))).isEqualTo(400);
        assertThat(status("funnel", body("funnel", STEPS + ",\"window\":0", ""))).isEqualTo(400);
        assertThat(status("funnel", body("funnel", STEPS + ",\"window\":-5", ""))).isEqualTo(400);
        assertThat(status("funnel", body("funnel", STEPS, ""))).isEqualTo(400);
        assertThat(status("funnel", body("funnel", "\"steps\":[{\"type\":\"url\",\"value\":\"/\"},{\"type\":\"path\",\"value\":\"/a\"}],\"window\":5", ""))).isEqualTo(400);
        var res = post("funnel", body("funnel", STEPS + ",\"window\":0", ""), server.adminToken());
        assertThat(res.json().toString()).contains("window");
    }

    @Test
    void badDatesFiltersAndZonesAre400() {
        String site = "{\"websiteId\":\"" + website + "\",\"parameters\":";
        assertThat(status("utm", site + "{\"startDate\":\"yesterday\",\"endDate\":\"2026-03-31T00:00:00Z\"}}")).isEqualTo(400);
        assertThat(status("utm", site + "{\"endDate\":\"2026-03-31T00:00:00Z\"}}")).isEqualTo(400);
        assertThat(status("utm", site + "{\"startDate\":\"2026-04-01T00:00:00Z\",\"endDate\":\"2026-03-31T00:00:00Z\"}}")).isEqualTo(400);
        assertThat(status("utm", site + "[1]}")).isEqualTo(400);
        assertThat(status("retention", body("retention", "\"timezone\":\"Mars/Olympus\"", ""))).isEqualTo(400);
        assertThat(status("utm", body("utm", "", "\"path\":\"re.([\""))).isEqualTo(400);
        assertThat(status("utm", body("utm", "", "\"path\":{\"a\":1}"))).isEqualTo(400);
        assertThat(status("utm", "not json")).isEqualTo(400);
        assertThat(status("utm", "{\"parameters\":{" + MARCH + "}}")).isEqualTo(400);
        // epoch milliseconds work too
        assertThat(status("utm", site + "{\"startDate\":1772323200000,\"endDate\":\"1775001599999\"}}")).isEqualTo(200);
    }

    @Test
    void unknownReportTypeIs400() {
        assertThat(status("pivot", body("pivot", "", ""))).isEqualTo(400);
    }

    @Test
    void strangersAndAnonymousCallersGet401() {
        server.createUser("stranger", "stranger-pass", "user");
        String stranger = server.login("stranger", "stranger-pass");
        for (String type : new String[]{"funnel", "retention", "journey", "goal", "goals", "utm", "revenue", "attribution", "breakdown"}) {
            assertThat(post(type, body(type, "", ""), stranger).status()).as(type).isEqualTo(401);
            assertThat(post(type, body(type, "", ""), null).status()).as(type).isEqualTo(401);
        }
    }

    @Test
    void matchAnyOrsTheFilters() {
        String goal = "\"type\":\"path\",\"value\":\"/pricing\"";
        assertThat(report("goal", goal, "\"country\":\"FR\",\"browser\":\"ios\"").toString()).isEqualTo("{\"num\":0,\"total\":0}");
        assertThat(report("goal", goal, "\"country\":\"FR\",\"browser\":\"ios\",\"match\":\"any\"").toString()).isEqualTo("{\"num\":2,\"total\":3}");
    }
}
