package io.footfall.http.tinytrail;

import io.footfall.testing.OnPostgreSql;

/** TinyTrailActivityReportsTest unchanged, on PostgreSQL (funnel, realtime, custom events, timeseries). */
@OnPostgreSql
class TinyTrailActivityReportsOnPostgreSqlTest extends TinyTrailActivityReportsTest {
}
