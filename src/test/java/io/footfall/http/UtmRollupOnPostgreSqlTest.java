package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** UtmRollupTest unchanged, on PostgreSQL (the utm* metrics, plain and expanded, through the reference path). */
@OnPostgreSql
class UtmRollupOnPostgreSqlTest extends UtmRollupTest {
}
