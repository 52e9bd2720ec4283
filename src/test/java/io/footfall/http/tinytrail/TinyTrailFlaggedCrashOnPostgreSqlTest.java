package io.footfall.http.tinytrail;

import io.footfall.testing.OnPostgreSql;

/** TinyTrailFlaggedCrashTest unchanged, on PostgreSQL (the write-ahead log re-ships flagged hits into PostgreSQL). */
@OnPostgreSql
class TinyTrailFlaggedCrashOnPostgreSqlTest extends TinyTrailFlaggedCrashTest {
}
