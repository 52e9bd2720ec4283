package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** HourlySeriesTest unchanged, on PostgreSQL (hourly series and the weekly heatmap through the reference path). */
@OnPostgreSql
class HourlySeriesOnPostgreSqlTest extends HourlySeriesTest {
}
