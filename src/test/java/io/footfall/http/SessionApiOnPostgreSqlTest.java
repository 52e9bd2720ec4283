package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** SessionApiTest unchanged, on PostgreSQL (sessions, session pages and details through the reference path). */
@OnPostgreSql
class SessionApiOnPostgreSqlTest extends SessionApiTest {
}
