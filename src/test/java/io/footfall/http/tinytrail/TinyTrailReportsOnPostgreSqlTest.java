package io.footfall.http.tinytrail;

import io.footfall.testing.OnPostgreSql;

/** TinyTrailReportsTest unchanged, on PostgreSQL: the same report SQL and the same numbers. */
@OnPostgreSql
class TinyTrailReportsOnPostgreSqlTest extends TinyTrailReportsTest {
}
