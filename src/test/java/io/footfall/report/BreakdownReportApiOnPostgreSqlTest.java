package io.footfall.report;

import io.footfall.testing.OnPostgreSql;

/** BreakdownReportApiTest unchanged, on PostgreSQL. */
@OnPostgreSql
class BreakdownReportApiOnPostgreSqlTest extends BreakdownReportApiTest {
}
