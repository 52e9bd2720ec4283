package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** TeamApiTest unchanged, on PostgreSQL (teams CRUD and team members reading their websites' statistics). */
@OnPostgreSql
class TeamApiOnPostgreSqlTest extends TeamApiTest {
}
