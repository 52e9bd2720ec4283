package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** TextSearchTest unchanged, on PostgreSQL: the same answers as DuckDB for literal, mixed-case and non-ASCII search. */
@OnPostgreSql
class TextSearchOnPostgreSqlTest extends TextSearchTest {
}
