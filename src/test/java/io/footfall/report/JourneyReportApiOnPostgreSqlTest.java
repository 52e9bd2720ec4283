package io.footfall.report;

import io.footfall.testing.OnPostgreSql;

/** JourneyReportApiTest unchanged, on PostgreSQL. */
@OnPostgreSql
class JourneyReportApiOnPostgreSqlTest extends JourneyReportApiTest {
}
