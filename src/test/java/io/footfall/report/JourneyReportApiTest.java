package io.footfall.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JourneyReportApiTest extends ReportTraffic {

    @Test
    void mostCommonVisitPathsPaddedAsUmami() {
        // per visit, its first three items; repeats in a row merge (v5's two purchases), the absent steps beyond 3 print one null
        assertThat(report("journey", "\"steps\":3").toString()).isEqualTo("["
                + "{\"items\":[\"/\",null,null],\"count\":2},"
                + "{\"items\":[\"/\",\"/pricing\",\"signup\",null],\"count\":1},"
                + "{\"items\":[\"/\",\"/pricing\",null,null],\"count\":1},"
                + "{\"items\":[\"/\",\"purchase\",null],\"count\":1},"
                + "{\"items\":[\"/blog/a\",\"/pricing\",\"purchase\",null],\"count\":1},"
                + "{\"items\":[\"/features\",\"/pricing\",null,null],\"count\":1},"
                + "{\"items\":[\"/pricing\",\"/\",null,null],\"count\":1}]");
    }

    @Test
    void startAndEndSteps() {
        assertThat(report("journey", "\"steps\":3,\"startStep\":\"/\",\"endStep\":\"/pricing\"").toString())
                .isEqualTo("[{\"items\":[\"/\",\"/pricing\",null,null],\"count\":1}]");
        assertThat(report("journey", "\"steps\":4,\"endStep\":\"purchase\"").toString())
                .isEqualTo("[{\"items\":[\"/\",\"purchase\",null],\"count\":1},"
                        + "{\"items\":[\"/blog/a\",\"/pricing\",\"purchase\",null,null],\"count\":1}]");
    }

    @Test
    void sevenStepsHaveNoTrailingPad() {
        assertThat(report("journey", "\"steps\":7,\"startStep\":\"/blog/a\"").toString())
                .isEqualTo("[{\"items\":[\"/blog/a\",\"/pricing\",\"purchase\",null],\"count\":1}]");
    }

    @Test
    void stepsOutsideThreeToSevenAre400() {
        assertThat(post("journey", body("journey", "\"steps\":2", ""), server.adminToken()).status()).isEqualTo(400);
        assertThat(post("journey", body("journey", "\"steps\":8", ""), server.adminToken()).status()).isEqualTo(400);
    }
}
