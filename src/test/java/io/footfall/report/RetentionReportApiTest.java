package io.footfall.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionReportApiTest extends ReportTraffic {

    @Test
    void cohortsByFirstDayInTheTimeZone() {
        // Berlin: v6's 22:50 and 23:10 UTC fall on March 2 and 3, its return on March 4
        assertThat(report("retention", "\"timezone\":\"Europe/Berlin\"").toString()).isEqualTo("["
                + "{\"date\":\"2026-03-02 00:00:00\",\"day\":0,\"visitors\":5,\"returnVisitors\":5,\"percentage\":100.0},"
                + "{\"date\":\"2026-03-02 00:00:00\",\"day\":1,\"visitors\":5,\"returnVisitors\":1,\"percentage\":20.0},"
                + "{\"date\":\"2026-03-02 00:00:00\",\"day\":2,\"visitors\":5,\"returnVisitors\":1,\"percentage\":20.0},"
                + "{\"date\":\"2026-03-03 00:00:00\",\"day\":0,\"visitors\":1,\"returnVisitors\":1,\"percentage\":100.0}]");
    }

    @Test
    void utcWithoutATimeZone() {
        assertThat(report("retention", "").toString()).isEqualTo("["
                + "{\"date\":\"2026-03-02T00:00:00Z\",\"day\":0,\"visitors\":5,\"returnVisitors\":5,\"percentage\":100.0},"
                + "{\"date\":\"2026-03-02T00:00:00Z\",\"day\":2,\"visitors\":5,\"returnVisitors\":1,\"percentage\":20.0},"
                + "{\"date\":\"2026-03-03T00:00:00Z\",\"day\":0,\"visitors\":1,\"returnVisitors\":1,\"percentage\":100.0}]");
    }

    @Test
    void filtersApply() {
        assertThat(report("retention", "\"timezone\":\"Europe/Berlin\"", "\"country\":\"US\"").toString()).isEqualTo("["
                + "{\"date\":\"2026-03-02 00:00:00\",\"day\":0,\"visitors\":1,\"returnVisitors\":1,\"percentage\":100.0},"
                + "{\"date\":\"2026-03-03 00:00:00\",\"day\":0,\"visitors\":1,\"returnVisitors\":1,\"percentage\":100.0}]");
    }
}
