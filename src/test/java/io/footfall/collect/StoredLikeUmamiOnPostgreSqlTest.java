package io.footfall.collect;

import io.footfall.testing.OnPostgreSql;

/** StoredLikeUmamiTest unchanged, on PostgreSQL (rows stored as Umami stores them, read back through metrics). */
@OnPostgreSql
class StoredLikeUmamiOnPostgreSqlTest extends StoredLikeUmamiTest {
}
