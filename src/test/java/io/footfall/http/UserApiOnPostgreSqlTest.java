package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** UserApiTest unchanged, on PostgreSQL (users and login over HTTP). */
@OnPostgreSql
class UserApiOnPostgreSqlTest extends UserApiTest {
}
