package io.footfall.report;

import io.footfall.testing.OnPostgreSql;

/** SavedReportsApiTest unchanged, on PostgreSQL. */
@OnPostgreSql
class SavedReportsApiOnPostgreSqlTest extends SavedReportsApiTest {
}
