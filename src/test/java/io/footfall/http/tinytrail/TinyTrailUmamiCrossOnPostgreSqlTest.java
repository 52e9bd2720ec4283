package io.footfall.http.tinytrail;

import io.footfall.testing.OnPostgreSql;

/** TinyTrailUmamiCrossTest unchanged, on PostgreSQL. */
@OnPostgreSql
class TinyTrailUmamiCrossOnPostgreSqlTest extends TinyTrailUmamiCrossTest {
}
