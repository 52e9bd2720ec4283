package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** EventStatsRollupTest unchanged, on PostgreSQL (event totals, series and metrics through the reference path). */
@OnPostgreSql
class EventStatsRollupOnPostgreSqlTest extends EventStatsRollupTest {
}
