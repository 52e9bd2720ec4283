package io.footfall.report;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A report body's {@code filters} take {@code segment} and {@code cohort} ids, read as on the statistics routes. */
class ReportSegmentApiTest extends ReportTraffic {
    static final String FUNNEL = "\"steps\":[{\"type\":\"path\",\"value\":\"/\"},{\"type\":\"path\",\"value\":\"/pricing\"}],\"window\":60";
    static final String MARCH_RANGE = "range:" + Instant.parse("2026-03-01T00:00:00Z").toEpochMilli()
            + ":" + Instant.parse("2026-03-31T23:59:59.999Z").toEpochMilli();

    static String save(String website, String type, String parameters) {
        var res = server.http().post("/api/websites/" + website + "/segments",
                "{\"type\":\"" + type + "\",\"name\":\"n\",\"parameters\":" + parameters + "}", server.adminToken());
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        return res.json().get("id").asText();
    }

    static String segment(String filters) {
        return "\"segment\":\"" + save(website, "segment", "{\"filters\":[" + filters + "]}") + "\"";
    }

    static String cohortOfPurchasers() {
        return "\"cohort\":\"" + save(website, "cohort", "{\"action\":{\"type\":\"event\",\"value\":\"purchase\"},\"dateRange\":\""
                + MARCH_RANGE + "\",\"filters\":[]}") + "\"";
    }

    @Test
    void funnelWithASegmentEqualsItsFiltersInline() {
        String germany = segment("{\"name\":\"country\",\"operator\":\"eq\",\"value\":\"DE\"}");
        var withSegment = report("funnel", FUNNEL, germany);
        assertThat(withSegment.toString()).isEqualTo(report("funnel", FUNNEL, "\"country\":\"eq.DE\"").toString());
        assertThat(withSegment.toString()).isNotEqualTo(report("funnel", FUNNEL).toString());
    }

    @Test
    void breakdownWithASegmentEqualsItsFiltersInline() {
        String fields = "\"fields\":[\"country\",\"path\"]";
        String filters = segment("{\"name\":\"country\",\"operator\":\"eq\",\"value\":[\"DE\",\"US\"]},"
                + "{\"name\":\"path\",\"operator\":\"c\",\"value\":\"pricing\"}");
        var withSegment = report("breakdown", fields, filters);
        assertThat(withSegment.toString()).isEqualTo(
                report("breakdown", fields, "\"country\":\"eq.DE,US\",\"path\":\"c.pricing\"").toString());
        assertThat(withSegment).hasSize(2);
    }

    @Test
    void aSegmentFilterReplacesTheInlineOneOfItsName() {
        String goal = "\"type\":\"path\",\"value\":\"/pricing\"";
        String us = segment("{\"name\":\"country\",\"operator\":\"eq\",\"value\":\"US\"}");
        assertThat(report("goal", goal, us + ",\"country\":\"DE\"").toString())
                .isEqualTo(report("goal", goal, "\"country\":\"US\"").toString());
    }

    @Test
    void aCohortKeepsItsSessionsOnly() {
        // purchasers: v4 (DE, /blog/a then /pricing a minute later) and v5 (US, one view of /)
        assertThat(report("breakdown", "\"fields\":[\"country\"]", cohortOfPurchasers()).toString()).isEqualTo("["
                + "{\"views\":2,\"visitors\":1,\"visits\":1,\"bounces\":0,\"totaltime\":60,\"country\":\"DE\"},"
                + "{\"views\":1,\"visitors\":1,\"visits\":1,\"bounces\":1,\"totaltime\":0,\"country\":\"US\"}]");
    }

    @Test
    void aCohortRestrictsAGoal() {
        assertThat(report("goal", "\"type\":\"path\",\"value\":\"/pricing\"", cohortOfPurchasers()).toString())
                .isEqualTo("{\"num\":1,\"total\":2}");
    }

    @Test
    void unknownOrForeignSegmentsAre400() {
        String other = server.createWebsite("Other", "other.example");
        String foreign = save(other, "segment", "{\"filters\":[]}");
        for (String filters : new String[]{"\"segment\":\"" + foreign + "\"", "\"segment\":\"00000000-0000-4000-8000-000000000000\"",
                "\"segment\":\"nope\"", "\"cohort\":\"" + foreign + "\""}) {
            var res = post("goal", body("goal", "\"type\":\"path\",\"value\":\"/\"", filters), server.adminToken());
            assertThat(res.status()).as(filters).isEqualTo(400);
        }
    }

    @Test
    void permissionComesBeforeTheSegment() {
        server.createUser("reportStranger", "password1", "user");
        String stranger = server.login("reportStranger", "password1");
        var res = post("goal", body("goal", "\"type\":\"path\",\"value\":\"/\"", "\"segment\":\"00000000-0000-4000-8000-000000000000\""), stranger);
        assertThat(res.status()).isEqualTo(401);
    }
}
