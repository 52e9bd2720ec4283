package io.footfall.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RevenueReportApiTest extends ReportTraffic {
    static final String USD_BERLIN = "\"currency\":\"USD\",\"timezone\":\"Europe/Berlin\",\"unit\":\"day\"";

    @Test
    void chartPerEventAndLocalDay() {
        // v4's 10 USD and v5's 25.5 "usd"; v5's 7 EUR and its purchase without revenue data are not USD revenue
        assertThat(report("revenue", USD_BERLIN).get("chart").toString()).isEqualTo("["
                + "{\"x\":\"purchase\",\"t\":\"2026-03-02 00:00:00\",\"y\":10.0},"
                + "{\"x\":\"purchase\",\"t\":\"2026-03-03 00:00:00\",\"y\":25.5}]");
    }

    @Test
    void byCountryRegionReferrerAndChannel() {
        JsonNode r = report("revenue", USD_BERLIN);
        assertThat(r.get("country").toString()).isEqualTo("[{\"name\":\"US\",\"value\":25.5},{\"name\":\"DE\",\"value\":10.0}]");
        assertThat(r.get("region").toString()).isEqualTo("[{\"name\":\"US-CA\",\"value\":25.5},{\"name\":\"DE-BE\",\"value\":10.0}]");
        // the landing pageview of the paying visit: v4 came from github.com, v5 from a Google ad
        assertThat(r.get("referrer").toString()).isEqualTo("[{\"name\":\"github.com\",\"value\":10.0}]");
        assertThat(r.get("channel").toString()).isEqualTo("[{\"name\":\"paidAds\",\"value\":25.5},{\"name\":\"referral\",\"value\":10.0}]");
    }

    @Test
    void totalsWithThePreviousWindow() {
        assertThat(report("revenue", USD_BERLIN).get("total").toString()).isEqualTo("{\"sum\":35.5,\"count\":2,\"unique_count\":2,"
                + "\"average\":17.75,\"comparison\":{\"sum\":0.0,\"count\":0,\"unique_count\":0,\"average\":0.0}}");
        // March 3 alone compares with March 2
        var res = post("revenue", "{\"websiteId\":\"" + website + "\",\"type\":\"revenue\",\"filters\":{},\"parameters\":{"
                + "\"startDate\":\"2026-03-03T00:00:00.000Z\",\"endDate\":\"2026-03-03T23:59:59.999Z\",\"currency\":\"usd\"}}", server.adminToken());
        assertThat(res.json().get("total").toString()).isEqualTo("{\"sum\":25.5,\"count\":1,\"unique_count\":1,"
                + "\"average\":25.5,\"comparison\":{\"sum\":10.0,\"count\":1,\"unique_count\":1,\"average\":10.0}}");
    }

    @Test
    void eachCurrencyApart() {
        JsonNode eur = report("revenue", "\"currency\":\"EUR\"");
        assertThat(eur.get("total").get("sum").asDouble() + " " + eur.get("total").get("count").asLong()).isEqualTo("7.0 1");
        assertThat(report("revenue", "\"currency\":\"GBP\"").get("chart")).isEmpty();
    }

    @Test
    void filtersApply() {
        JsonNode de = report("revenue", USD_BERLIN, "\"country\":\"DE\"");
        assertThat(de.get("total").get("sum").asDouble()).isEqualTo(10.0);
        assertThat(de.get("country").toString()).isEqualTo("[{\"name\":\"DE\",\"value\":10.0}]");
    }

    @Test
    void aCurrencyIsRequired() {
        assertThat(post("revenue", body("revenue", "", ""), server.adminToken()).status()).isEqualTo(400);
        assertThat(post("revenue", body("revenue", "\"currency\":\"dollars\"", ""), server.adminToken()).status()).isEqualTo(400);
    }
}
