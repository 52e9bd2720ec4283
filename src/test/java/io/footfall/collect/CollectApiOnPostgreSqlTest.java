package io.footfall.collect;

import io.footfall.testing.OnPostgreSql;

/** CollectApiTest unchanged, on PostgreSQL (/api/send lands in the event, event_data and session_data tables with exact rows). */
@OnPostgreSql
class CollectApiOnPostgreSqlTest extends CollectApiTest {
}
