package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** VisitRollupTest unchanged, on PostgreSQL (stats, entry/exit and other metrics through the reference path). */
@OnPostgreSql
class VisitRollupOnPostgreSqlTest extends VisitRollupTest {
}
