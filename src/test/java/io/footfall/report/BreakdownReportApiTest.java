package io.footfall.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BreakdownReportApiTest extends ReportTraffic {

    @Test
    void metricsPerCountry() {
        // DE: v1 2 views 300 s, v4 2 views 60 s, v6 2 views 1200 s + a single view; US: v2 2 views 300 s, v5 one view;
        // FR: v3 one view, then 2 views 60 s
        assertThat(report("breakdown", "\"fields\":[\"country\"]").toString()).isEqualTo("["
                + "{\"views\":7,\"visitors\":3,\"visits\":4,\"bounces\":1,\"totaltime\":1560,\"country\":\"DE\"},"
                + "{\"views\":3,\"visitors\":2,\"visits\":2,\"bounces\":1,\"totaltime\":300,\"country\":\"US\"},"
                + "{\"views\":3,\"visitors\":1,\"visits\":2,\"bounces\":1,\"totaltime\":60,\"country\":\"FR\"}]");
    }

    @Test
    void severalFieldsAtOnce() {
        var rows = report("breakdown", "\"fields\":[\"country\",\"path\"]", "\"country\":\"DE\"");
        assertThat(rows.get(0).toString()).isEqualTo(
                "{\"views\":3,\"visitors\":3,\"visits\":3,\"bounces\":3,\"totaltime\":0,\"country\":\"DE\",\"path\":\"/pricing\"}");
        assertThat(rows.get(1).toString()).isEqualTo(
                "{\"views\":3,\"visitors\":2,\"visits\":3,\"bounces\":3,\"totaltime\":0,\"country\":\"DE\",\"path\":\"/\"}");
        assertThat(rows).hasSize(3);
    }

    @Test
    void unknownOrMissingFieldsAre400() {
        assertThat(post("breakdown", body("breakdown", "\"fields\":[\"colour\"]", ""), server.adminToken()).body()).contains("unknown field");
        assertThat(post("breakdown", body("breakdown", "\"fields\":[\"colour\"]", ""), server.adminToken()).status()).isEqualTo(400);
        assertThat(post("breakdown", body("breakdown", "", ""), server.adminToken()).status()).isEqualTo(400);
    }
}
