package io.footfall.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GoalAndUtmReportApiTest extends ReportTraffic {

    @Test
    void pageGoalCountsViewsAgainstVisitors() {
        // five pageviews of /pricing; six visitors had a pageview
        assertThat(report("goal", "\"type\":\"path\",\"value\":\"/pricing\"").toString()).isEqualTo("{\"num\":5,\"total\":6}");
        assertThat(report("goals", "\"type\":\"path\",\"value\":\"/pricing\"").toString()).isEqualTo("{\"num\":5,\"total\":6}");
    }

    @Test
    void eventGoalCountsEventsAgainstVisitorsWithEvents() {
        assertThat(report("goals", "\"type\":\"event\",\"value\":\"purchase\"").toString()).isEqualTo("{\"num\":4,\"total\":3}");
        assertThat(report("goals", "\"type\":\"event\",\"value\":\"purchase\"", "\"country\":\"DE\"").toString())
                .isEqualTo("{\"num\":1,\"total\":2}");
    }

    @Test
    void utmCountsPageviewsPerValue() {
        assertThat(report("utm", "").toString()).isEqualTo("{"
                + "\"utm_source\":[{\"utm\":\"google\",\"views\":1},{\"utm\":\"news\",\"views\":1}],"
                + "\"utm_medium\":[{\"utm\":\"cpc\",\"views\":1},{\"utm\":\"email\",\"views\":1}],"
                + "\"utm_campaign\":[{\"utm\":\"spring\",\"views\":1}],\"utm_content\":[],\"utm_term\":[]}");
        assertThat(report("utm", "", "\"country\":\"FR\"").get("utm_source").toString()).isEqualTo("[{\"utm\":\"news\",\"views\":1}]");
    }
}
