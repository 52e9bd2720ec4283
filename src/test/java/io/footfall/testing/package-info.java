/**
 * Test fixtures: a real server ({@link io.footfall.testing.TestServer}), real HTTP, generated traffic, and the store
 * a server runs on ({@link io.footfall.testing.Backend}).
 *
 * <h2>The contract suite: every backend</h2>
 * These exact-value HTTP test classes run unchanged on DuckDB (the class itself) and on PostgreSQL (its
 * {@code <Name>OnPostgreSqlTest} twin, a subclass marked {@link io.footfall.testing.OnPostgreSql}; PostgreSQL at
 * 127.0.0.1:5432, a fresh database per data directory). They assert only what a client sees (HTTP answers, and
 * rows of the tables both backends hold: {@code event}, {@code event_data}, {@code session_data}, {@code salt},
 * {@code flagged_event}, the metadata); {@code server.fold()} in them means "let the store settle", a no-op on
 * PostgreSQL. No twin skips a test. The {@code *RollupTest}s among them also run with {@code QUERY_PATH=compare}, which
 * on DuckDB checks every accelerated answer against the reference (PostgreSQL always answers through the reference).
 * <ul>
 * <li>stats, pageviews, metrics: {@code http.StatsApiTest}, {@code http.ChartApiTest}, {@code http.HourlyBucketsTest},
 * {@code http.HourlySeriesTest}, {@code http.MissingValueMetricsTest}, {@code http.FilterMatchingTest},
 * {@code http.SegmentFilterTest}, {@code http.RegexFilterSyntaxTest}, {@code http.RegexFilterParityTest}, {@code http.ChannelReferralTest},
 * {@code http.DateRangeAndValuesApiTest}, {@code http.VisitRollupTest}, {@code http.ExpandedRollupTest},
 * {@code http.SessionValueRollupTest}, {@code http.UtmRollupTest}</li>
 * <li>sessions (list, stats, weekly, activity), session data: {@code http.SessionApiTest},
 * {@code http.SessionRollupTest}, {@code http.WeeklyAcrossDstTest}, {@code http.WeeklyPageviewsOnlyTest},
 * {@code http.RevenueSessionsApiTest}, {@code http.RevenueSessionsPagingTest}</li>
 * <li>events, event data: {@code http.EventDataApiTest}, {@code http.EventDataPageApiTest}, {@code http.EventStatsRollupTest}</li>
 * <li>realtime, active: {@code http.StatsApiTest}, {@code http.tinytrail.TinyTrailActivityReportsTest}</li>
 * <li>collection: {@code collect.CollectApiTest}, {@code collect.StoredLikeUmamiTest}, {@code collect.CrashDurabilityTest},
 * {@code collect.LinkPixelAndOptionsTest}, {@code collect.SessionSaltTest}, {@code collect.CollectLocationTest},
 * {@code http.LinkPixelApiTest}, {@code http.tinytrail.TinyTrailCollectTest}</li>
 * <li>reports: the {@code report.*ApiTest}s (attribution, breakdown, funnel, goals and UTM, journey, inputs, segments,
 * retention, revenue, saved reports)</li>
 * <li>shares, users, teams, websites, auth: {@code http.ShareApiTest}, {@code http.UserApiTest}, {@code http.TeamApiTest},
 * {@code http.WebsiteApiTest}, {@code http.AuthApiTest}</li>
 * <li>TinyTrail API: {@code http.tinytrail.TinyTrailAccountsUsersApiTest}, {@code TinyTrailActivityReportsTest},
 * {@code TinyTrailAggregateTest}, {@code TinyTrailCollectTest}, {@code TinyTrailFlaggedCrashTest},
 * {@code TinyTrailFlaggedTrafficTest}, {@code TinyTrailReportsTest}, {@code TinyTrailUmamiCrossTest}</li>
 * </ul>
 *
 * <h2>One backend</h2>
 * <ul>
 * <li>DuckDB only: {@code io.footfall.duckdb}, what the store holds in its own tables and how it gets there (rollup
 * rows after folds, re-ships and resets; folds racing reads; migrations that rebuild rollups; the RE2 regex engine);
 * among them the accelerator tests that still mix HTTP answers with rollup tables or DuckDB SQL
 * ({@code SessionDataRollupTest}, {@code MissingValueRollupTest}, {@code SessionListRankTest}). Also
 * {@code query.equality} (accelerator equal to the reference) and {@code store.duckdb}.</li>
 * <li>PostgreSQL only: {@code store.postgres} (migrations, session settings, URL, its regex engine, the stored channel),
 * {@code store.wal.WriteAheadOnPostgresTest}.</li>
 * <li>Every other test runs on DuckDB; {@code -Dfootfall.test.backend=postgresql} runs any of them on PostgreSQL.</li>
 * </ul>
 */
package io.footfall.testing;
