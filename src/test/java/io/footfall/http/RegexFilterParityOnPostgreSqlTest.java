package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** RegexFilterParityTest unchanged, on PostgreSQL: its patterns run translated from RE2 and count alike. */
@OnPostgreSql
class RegexFilterParityOnPostgreSqlTest extends RegexFilterParityTest {
}
