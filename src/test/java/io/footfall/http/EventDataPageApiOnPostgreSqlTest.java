package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** EventDataPageApiTest unchanged, on PostgreSQL (event data pages). */
@OnPostgreSql
class EventDataPageApiOnPostgreSqlTest extends EventDataPageApiTest {
}
