package io.footfall.http.tinytrail;

import io.footfall.testing.OnPostgreSql;

/** TinyTrailAccountsUsersApiTest unchanged, on PostgreSQL (accounts, users, keys, websites and their settings). */
@OnPostgreSql
class TinyTrailAccountsUsersApiOnPostgreSqlTest extends TinyTrailAccountsUsersApiTest {
}
