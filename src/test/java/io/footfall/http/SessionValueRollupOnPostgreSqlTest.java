package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** SessionValueRollupTest unchanged, on PostgreSQL (visitors per path, referrer, title, ... through the reference path). */
@OnPostgreSql
class SessionValueRollupOnPostgreSqlTest extends SessionValueRollupTest {
}
