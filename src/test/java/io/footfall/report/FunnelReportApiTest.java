package io.footfall.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FunnelReportApiTest extends ReportTraffic {
    static final String HOME_THEN_PRICING = "\"steps\":[{\"type\":\"path\",\"value\":\"/\"},{\"type\":\"path\",\"value\":\"/pricing\"}]";

    @Test
    void countsOnlyStepsInOrderWithinTheWindow() {
        // "/" reached by v1 v2 v3 v5 v6; "/pricing" after it within 60 minutes by v1 and v6 (across midnight);
        // v2 saw /pricing first, v3 91 minutes later
        JsonNode funnel = report("funnel", HOME_THEN_PRICING + ",\"window\":60");
        assertThat(funnel.toString()).isEqualTo("[{\"type\":\"path\",\"value\":\"/\",\"visitors\":5,\"previous\":0,\"dropped\":0,"
                + "\"dropoff\":null,\"remaining\":1.0},{\"type\":\"path\",\"value\":\"/pricing\",\"visitors\":2,\"previous\":5,"
                + "\"dropped\":3,\"dropoff\":" + (1 - 2.0 / 5) + ",\"remaining\":" + (2.0 / 5) + "}]");
    }

    @Test
    void theWindowIsInMinutes() {
        assertThat(report("funnel", HOME_THEN_PRICING + ",\"window\":91").get(1).get("visitors").asLong()).isEqualTo(3);
        assertThat(report("funnel", HOME_THEN_PRICING + ",\"window\":90").get(1).get("visitors").asLong()).isEqualTo(2);
    }

    @Test
    void eventStepsAndWildcards() {
        JsonNode signup = report("funnel", "\"steps\":[{\"type\":\"path\",\"value\":\"/pricing\"},{\"type\":\"event\",\"value\":\"signup\"}],\"window\":60");
        assertThat(signup.get(0).get("visitors").asLong() + " " + signup.get(1).get("visitors").asLong()).isEqualTo("5 1");
        JsonNode blog = report("funnel", "\"steps\":[{\"type\":\"path\",\"value\":\"/blog/*\"},{\"type\":\"path\",\"value\":\"*ing\"},"
                + "{\"type\":\"event\",\"value\":\"purch*\"}],\"window\":5");
        assertThat(blog.get(0).get("visitors").asLong() + " " + blog.get(1).get("visitors").asLong() + " "
                + blog.get(2).get("visitors").asLong()).isEqualTo("1 1 1");
        // a * inside the value is literal
        assertThat(report("funnel", "\"steps\":[{\"type\":\"path\",\"value\":\"/b*g/a\"},{\"type\":\"path\",\"value\":\"/pricing\"}],\"window\":5")
                .get(0).get("visitors").asLong()).isZero();
    }

    @Test
    void filtersChooseWhoEnters() {
        JsonNode de = report("funnel", HOME_THEN_PRICING + ",\"window\":60", "\"country\":\"DE\"");
        assertThat(de.get(0).get("visitors").asLong() + " " + de.get(1).get("visitors").asLong()).isEqualTo("2 2");
        JsonNode notDe = report("funnel", HOME_THEN_PRICING + ",\"window\":60", "\"country\":\"neq.DE\"");
        assertThat(notDe.get(0).get("visitors").asLong() + " " + notDe.get(1).get("visitors").asLong()).isEqualTo("3 0");
        assertThat(notDe.get(1).get("dropoff").asDouble()).isEqualTo(1.0);
    }

    @Test
    void anEmptyFunnelHasNullRatios() {
        JsonNode none = report("funnel", "\"steps\":[{\"type\":\"path\",\"value\":\"/nowhere\"},{\"type\":\"path\",\"value\":\"/\"}],\"window\":60");
        assertThat(none.get(1).toString()).isEqualTo("{\"type\":\"path\",\"value\":\"/\",\"visitors\":0,\"previous\":0,\"dropped\":0,"
                + "\"dropoff\":null,\"remaining\":null}");
    }
}
