package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** FilterMatchingTest unchanged, on PostgreSQL (every filter operator through the reference path). */
@OnPostgreSql
class FilterMatchingOnPostgreSqlTest extends FilterMatchingTest {
}
