package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** ChartApiTest unchanged, on PostgreSQL. */
@OnPostgreSql
class ChartApiOnPostgreSqlTest extends ChartApiTest {
}
