package io.footfall.collect;

import io.footfall.testing.OnPostgreSql;

/** LinkPixelAndOptionsTest unchanged, on PostgreSQL (link and pixel hits). */
@OnPostgreSql
class LinkPixelAndOptionsOnPostgreSqlTest extends LinkPixelAndOptionsTest {
}
