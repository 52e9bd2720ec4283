package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** ShareApiTest unchanged, on PostgreSQL (share links and share tokens reading every statistic). */
@OnPostgreSql
class ShareApiOnPostgreSqlTest extends ShareApiTest {
}
