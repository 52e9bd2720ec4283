package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** LinkPixelApiTest unchanged, on PostgreSQL (link and pixel hits counted). */
@OnPostgreSql
class LinkPixelApiOnPostgreSqlTest extends LinkPixelApiTest {
}
