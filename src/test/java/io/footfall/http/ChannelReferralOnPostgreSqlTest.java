package io.footfall.http;

import io.footfall.testing.OnPostgreSql;

/** ChannelReferralTest unchanged, on PostgreSQL. */
@OnPostgreSql
class ChannelReferralOnPostgreSqlTest extends ChannelReferralTest {
}
