package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** RegexFilterSyntaxTest unchanged, on PostgreSQL. */
@OnPostgreSql
class RegexFilterSyntaxOnPostgreSqlTest extends RegexFilterSyntaxTest {
}
