package io.footfall.collect;

import io.footfall.testing.OnPostgreSql;

/** SessionSaltTest unchanged, on PostgreSQL (salts kept in the store across restarts). */
@OnPostgreSql
class SessionSaltOnPostgreSqlTest extends SessionSaltTest {
}
