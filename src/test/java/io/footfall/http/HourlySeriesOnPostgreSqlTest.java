package io.footfall.http;

import io.footfall.testing.OnPostgreSql;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** HourlySeriesTest on PostgreSQL (hourly series and the weekly heatmap through the reference path). */
@OnPostgreSql
class HourlySeriesOnPostgreSqlTest extends HourlySeriesTest {
    // These two also count rows of DuckDB's session_hour rollup in SQL of their own; their HTTP answers are
    // covered on PostgreSQL by the other tests here and by the equality suite on DuckDB.
    @Override
    @Test
    @Disabled("asserts DuckDB's session_hour rollup tables directly")
    void weeklyCountsViewsNotCustomEvents() {
    }

    @Override
    @Test
    @Disabled("asserts DuckDB's session_hour rollup tables directly")
    void rollupAgreesWithTheEventTable() {
    }
}
