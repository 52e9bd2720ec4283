package io.footfall.report;

import io.footfall.testing.OnPostgreSql;

/** RevenueReportApiTest unchanged, on PostgreSQL. */
@OnPostgreSql
class RevenueReportApiOnPostgreSqlTest extends RevenueReportApiTest {
}
