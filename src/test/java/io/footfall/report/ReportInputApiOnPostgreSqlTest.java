package io.footfall.report;

import io.footfall.testing.OnPostgreSql;

/** ReportInputApiTest unchanged, on PostgreSQL. */
@OnPostgreSql
class ReportInputApiOnPostgreSqlTest extends ReportInputApiTest {
}
