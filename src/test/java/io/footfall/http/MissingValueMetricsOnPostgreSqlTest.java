package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** MissingValueMetricsTest unchanged, on PostgreSQL (metrics of rows without a value). */
@OnPostgreSql
class MissingValueMetricsOnPostgreSqlTest extends MissingValueMetricsTest {
}
