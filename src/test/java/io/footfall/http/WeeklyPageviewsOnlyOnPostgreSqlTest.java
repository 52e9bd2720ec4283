package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** WeeklyPageviewsOnlyTest unchanged, on PostgreSQL. */
@OnPostgreSql
class WeeklyPageviewsOnlyOnPostgreSqlTest extends WeeklyPageviewsOnlyTest {
}
