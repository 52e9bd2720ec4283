package io.footfall.report;

import io.footfall.testing.OnPostgreSql;

/** RetentionReportApiTest unchanged, on PostgreSQL. */
@OnPostgreSql
class RetentionReportApiOnPostgreSqlTest extends RetentionReportApiTest {
}
