package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** WebsiteApiTest unchanged, on PostgreSQL (websites CRUD, reset and delete over HTTP). */
@OnPostgreSql
class WebsiteApiOnPostgreSqlTest extends WebsiteApiTest {
}
