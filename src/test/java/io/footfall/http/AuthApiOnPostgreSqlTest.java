package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** AuthApiTest unchanged, on PostgreSQL (login, tokens). */
@OnPostgreSql
class AuthApiOnPostgreSqlTest extends AuthApiTest {
}
