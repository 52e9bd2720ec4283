package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** ExpandedRollupTest unchanged, on PostgreSQL (expanded metrics through the reference path). */
@OnPostgreSql
class ExpandedRollupOnPostgreSqlTest extends ExpandedRollupTest {
}
