package io.footfall.http.tinytrail;

import io.footfall.testing.OnPostgreSql;

/** TinyTrailAggregateTest unchanged, on PostgreSQL (no rollups: the aggregation only confirms). */
@OnPostgreSql
class TinyTrailAggregateOnPostgreSqlTest extends TinyTrailAggregateTest {
}
