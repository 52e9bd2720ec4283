package io.footfall.report;

import io.footfall.testing.OnPostgreSql;

/** ReportSegmentApiTest unchanged, on PostgreSQL. */
@OnPostgreSql
class ReportSegmentApiOnPostgreSqlTest extends ReportSegmentApiTest {
}
