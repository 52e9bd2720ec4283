package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** SessionRollupTest unchanged, on PostgreSQL (sessions, session stats and data, metrics through the reference path). */
@OnPostgreSql
class SessionRollupOnPostgreSqlTest extends SessionRollupTest {
}
