package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** RevenueSessionsApiTest unchanged, on PostgreSQL (revenue and sessions). */
@OnPostgreSql
class RevenueSessionsApiOnPostgreSqlTest extends RevenueSessionsApiTest {
}
