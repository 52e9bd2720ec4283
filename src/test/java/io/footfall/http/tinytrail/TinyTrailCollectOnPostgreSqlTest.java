package io.footfall.http.tinytrail;

import io.footfall.testing.OnPostgreSql;

/** TinyTrailCollectTest unchanged, on PostgreSQL (TinyTrail collection: what is stored and flagged). */
@OnPostgreSql
class TinyTrailCollectOnPostgreSqlTest extends TinyTrailCollectTest {
}
