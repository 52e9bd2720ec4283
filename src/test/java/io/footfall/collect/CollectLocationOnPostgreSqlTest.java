package io.footfall.collect;

import io.footfall.testing.OnPostgreSql;

/** CollectLocationTest unchanged, on PostgreSQL (locations stored). */
@OnPostgreSql
class CollectLocationOnPostgreSqlTest extends CollectLocationTest {
}
