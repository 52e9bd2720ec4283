package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** StatsApiTest unchanged, on PostgreSQL (stats, pageviews, metrics: exact values through the reference path). */
@OnPostgreSql
class StatsApiOnPostgreSqlTest extends StatsApiTest {
}
