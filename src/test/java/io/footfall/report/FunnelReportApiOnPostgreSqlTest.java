package io.footfall.report;

import io.footfall.testing.OnPostgreSql;

/** FunnelReportApiTest unchanged, on PostgreSQL. */
@OnPostgreSql
class FunnelReportApiOnPostgreSqlTest extends FunnelReportApiTest {
}
