package io.footfall.query;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A cohort's {@code dateRange}, as Umami's date filter values read (UTC here). Now is Wednesday 2026-12-02 15:49:52.123Z. */
class CohortDateRangeTest {
    static final Instant NOW = Instant.parse("2026-12-02T15:49:52.123Z");

    static String range(String value) {
        Instant[] r = Cohort.dateRange(value, NOW);
        return r[0] + " " + r[1];
    }

    @Test
    void relativeRangesEndWithTheCurrentUnit() {
        assertThat(range("24hour")).isEqualTo("2026-12-01T16:00:00Z 2026-12-02T15:59:59.999Z");
        assertThat(range("0day")).isEqualTo("2026-12-02T00:00:00Z 2026-12-02T23:59:59.999Z");
        assertThat(range("1day")).isEqualTo("2026-12-02T00:00:00Z 2026-12-02T23:59:59.999Z");
        assertThat(range("7day")).isEqualTo("2026-11-26T00:00:00Z 2026-12-02T23:59:59.999Z");
        assertThat(range("30day")).isEqualTo("2026-11-03T00:00:00Z 2026-12-02T23:59:59.999Z");
        assertThat(range("0week")).isEqualTo("2026-11-29T00:00:00Z 2026-12-05T23:59:59.999Z");
        assertThat(range("2week")).isEqualTo("2026-11-22T00:00:00Z 2026-12-05T23:59:59.999Z");
        assertThat(range("0month")).isEqualTo("2026-12-01T00:00:00Z 2026-12-31T23:59:59.999Z");
        assertThat(range("6month")).isEqualTo("2026-07-01T00:00:00Z 2026-12-31T23:59:59.999Z");
        assertThat(range("0year")).isEqualTo("2026-01-01T00:00:00Z 2026-12-31T23:59:59.999Z");
    }

    @Test
    void customRangesAndAllTime() {
        assertThat(range("range:1780272000000:1780617599999")).isEqualTo("2026-06-01T00:00:00Z 2026-06-04T23:59:59.999Z");
        assertThat(range("all")).isEqualTo("1970-01-01T00:00:00Z 9999-12-31T23:59:59.999Z");
    }

    @Test
    void anythingElseIsAClientError() {
        for (String bad : new String[]{"", "lastweek", "-1day", "7days", "range:10", "range:20:10", "range:a:b", "30 day"}) {
            assertThatThrownBy(() -> Cohort.dateRange(bad, NOW)).as(bad).isInstanceOf(QueryException.class);
        }
    }
}
