package io.footfall.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AttributionReportApiTest extends ReportTraffic {
    static final String PRICING = "\"type\":\"path\",\"step\":\"/pricing\"";

    @Test
    void firstClickCreditsTheFirstTouch() {
        // converters v1 v2 v3 v4 v6; first events: google.com, none, the spring e-mail campaign, github.com, none
        JsonNode a = report("attribution", "\"model\":\"first-click\"," + PRICING);
        assertThat(a.toString()).isEqualTo("{"
                + "\"referrer\":[{\"name\":\"github.com\",\"value\":1},{\"name\":\"google.com\",\"value\":1}],"
                + "\"paidAds\":[],"
                + "\"utm_source\":[{\"name\":\"news\",\"value\":1}],"
                + "\"utm_medium\":[{\"name\":\"email\",\"value\":1}],"
                + "\"utm_campaign\":[{\"name\":\"spring\",\"value\":1}],"
                + "\"utm_content\":[],\"utm_term\":[],"
                + "\"total\":{\"pageviews\":5,\"visitors\":5,\"visits\":5}}");
        assertThat(report("attribution", "\"model\":\"firstClick\"," + PRICING)).isEqualTo(a);
    }

    @Test
    void lastClickCreditsTheLastTouchBeforeConverting() {
        // v3 came back from bing.com before converting; v2 converted on its first event (nothing before it)
        JsonNode a = report("attribution", "\"model\":\"last-click\"," + PRICING);
        assertThat(a.get("referrer").toString()).isEqualTo("[{\"name\":\"bing.com\",\"value\":1},"
                + "{\"name\":\"github.com\",\"value\":1},{\"name\":\"google.com\",\"value\":1}]");
        assertThat(a.get("utm_source")).isEmpty();
        assertThat(report("attribution", "\"model\":\"lastClick\"," + PRICING)).isEqualTo(a);
    }

    @Test
    void revenueInACurrency() {
        JsonNode a = report("attribution", "\"model\":\"first-click\",\"type\":\"event\",\"step\":\"purchase\",\"currency\":\"USD\"");
        assertThat(a.get("referrer").toString()).isEqualTo("[{\"name\":\"github.com\",\"value\":10.0}]");
        assertThat(a.get("paidAds").toString()).isEqualTo("[{\"name\":\"Google Ads\",\"value\":25.5}]");
        assertThat(a.get("utm_source").toString()).isEqualTo("[{\"name\":\"google\",\"value\":25.5}]");
        assertThat(a.get("utm_medium").toString()).isEqualTo("[{\"name\":\"cpc\",\"value\":25.5}]");
        assertThat(a.get("total").toString()).isEqualTo("{\"pageviews\":4,\"visitors\":2,\"visits\":2}");
    }

    @Test
    void filtersApplyToConversions() {
        JsonNode a = report("attribution", "\"model\":\"first-click\"," + PRICING, "\"country\":\"DE\"");
        assertThat(a.get("referrer").toString()).isEqualTo("[{\"name\":\"github.com\",\"value\":1},{\"name\":\"google.com\",\"value\":1}]");
        assertThat(a.get("total").toString()).isEqualTo("{\"pageviews\":3,\"visitors\":3,\"visits\":3}");
    }

    @Test
    void anUnknownModelIs400() {
        var res = post("attribution", body("attribution", "\"model\":\"linear\"," + PRICING, ""), server.adminToken());
        assertThat(res.status()).isEqualTo(400);
        assertThat(res.body()).contains("model");
    }
}
