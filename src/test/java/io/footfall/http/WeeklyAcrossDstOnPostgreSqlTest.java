package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** WeeklyAcrossDstTest unchanged, on PostgreSQL (the weekly heatmap across DST changes, through the reference path). */
@OnPostgreSql
class WeeklyAcrossDstOnPostgreSqlTest extends WeeklyAcrossDstTest {
}
