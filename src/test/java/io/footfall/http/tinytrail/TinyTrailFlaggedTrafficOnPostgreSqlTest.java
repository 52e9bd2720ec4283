package io.footfall.http.tinytrail;

import io.footfall.testing.OnPostgreSql;

/** TinyTrailFlaggedTrafficTest unchanged, on PostgreSQL (flagged_event through the write-ahead log and COPY). */
@OnPostgreSql
class TinyTrailFlaggedTrafficOnPostgreSqlTest extends TinyTrailFlaggedTrafficTest {
}
