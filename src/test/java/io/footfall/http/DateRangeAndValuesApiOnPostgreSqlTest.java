package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** DateRangeAndValuesApiTest unchanged, on PostgreSQL (date range and filter values). */
@OnPostgreSql
class DateRangeAndValuesApiOnPostgreSqlTest extends DateRangeAndValuesApiTest {
}
