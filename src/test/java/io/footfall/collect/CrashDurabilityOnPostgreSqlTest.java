package io.footfall.collect;

import io.footfall.testing.OnPostgreSql;

/** CrashDurabilityTest unchanged, on PostgreSQL (kill -9 loses no acknowledged hit: the write-ahead log re-ships into PostgreSQL). */
@OnPostgreSql
class CrashDurabilityOnPostgreSqlTest extends CrashDurabilityTest {
}
