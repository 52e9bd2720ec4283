package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** HourlyBucketsTest unchanged, on PostgreSQL (hourly buckets across zones). */
@OnPostgreSql
class HourlyBucketsOnPostgreSqlTest extends HourlyBucketsTest {
}
