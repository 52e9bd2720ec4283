package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** SegmentFilterTest unchanged, on PostgreSQL (segments and cohorts as filters). */
@OnPostgreSql
class SegmentFilterOnPostgreSqlTest extends SegmentFilterTest {
}
