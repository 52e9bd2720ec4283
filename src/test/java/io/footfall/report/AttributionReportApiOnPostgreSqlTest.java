package io.footfall.report;

import io.footfall.testing.OnPostgreSql;

/** AttributionReportApiTest unchanged, on PostgreSQL. */
@OnPostgreSql
class AttributionReportApiOnPostgreSqlTest extends AttributionReportApiTest {
}
