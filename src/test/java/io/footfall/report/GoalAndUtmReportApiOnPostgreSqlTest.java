package io.footfall.report;

import io.footfall.testing.OnPostgreSql;

/** GoalAndUtmReportApiTest unchanged, on PostgreSQL. */
@OnPostgreSql
class GoalAndUtmReportApiOnPostgreSqlTest extends GoalAndUtmReportApiTest {
}
