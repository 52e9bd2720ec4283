package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** RevenueSessionsPagingTest unchanged, on PostgreSQL (payments on custom events through V10's index, and on pageviews). */
@OnPostgreSql
class RevenueSessionsPagingOnPostgreSqlTest extends RevenueSessionsPagingTest {
}
