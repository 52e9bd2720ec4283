package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** EventDataApiTest unchanged, on PostgreSQL (event data and session data reads through the reference path). */
@OnPostgreSql
class EventDataApiOnPostgreSqlTest extends EventDataApiTest {
}
