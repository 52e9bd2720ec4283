package io.footfall.store.postgres;

import io.footfall.store.Connections;
import io.footfall.store.Migrations;
import io.footfall.store.duckdb.DuckDbConnections;
import io.footfall.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL's migrations on a real server: idempotent, and the same tables and columns as DuckDB's, rollups aside. */
class PostgresMigrationsTest {
    /** Columns DuckDB has only for its rollups (event.ingest_seq: fold sequence; session_data spans: V18). */
    static final Set<String> DUCKDB_ONLY = Set.of("event.ingest_seq", "flagged_event.ingest_seq", "session_data.session_first_at", "session_data.session_last_at");
    /** Columns PostgreSQL has for its reads: the channel each event row stores (V9, generated). */
    static final Map<String, Set<String>> POSTGRES_ONLY = Map.of("event", Set.of("channel"));
    /** Tables both stores have: metadata and raw events (DuckDB's rollup tables are its own). */
    static final List<String> SHARED = List.of("event", "event_data", "session_data", "users", "team", "team_user", "website",
            "report", "segment", "link", "pixel", "share", "api_key", "salt", "schema_version",
            "two_factor", "two_factor_backup_code", "board", "user_preference", "website_setting", "flagged_event");
    /** PostgreSQL's rollup tables (io.footfall.accelerate.postgres, V11; visit_value V27; value_day V29). */
    static final List<String> POSTGRES_ROLLUPS = List.of("visit_view_span", "session_view_span", "session_hour_view",
            "visit_activity_span", "session_activity_span", "session_value", "session_value_extra", "visit_value",
            "value_day");

    @Test
    void applyTwiceIsIdempotent() throws SQLException {
        try (PostgresConnections db = PostgresConnections.open(PostgresUrl.parse(PostgresTestDatabase.fresh()), 2)) {
            int first = Migrations.apply(db, "postgresql");
            assertThat(first).isEqualTo(24);
            assertThat(Migrations.apply(db, "postgresql")).isZero();
            List<Integer> versions = db.read(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*), max(version) FROM schema_version")) {
                    rs.next();
                    return List.of(rs.getInt(1), rs.getInt(2));
                }
            });
            assertThat(versions).containsExactly(24, 29);
            // V19: session_hour_view's slot link.
            assertThat(columns(db, "public").get("session_hour_view")).contains("prev_hour", "prev_slot", "first_above", "first_below");
            // V13: the session attributes on session_view_span (its V11 indexes built again).
            assertThat(columns(db, "public").get("session_view_span")).containsExactlyInAnyOrder("website_id", "session_id", "first_at",
                    "last_at", "browser", "os", "device", "screen", "language", "country", "region", "city", "distinct_id", "mixed");
            assertThat(indexes(db)).contains("event_by_website_time", "event_data_by_website_time", "session_data_by_session",
                    "event_data_by_event", "event_by_session", "event_custom_by_id", "event_custom_by_time", "visit_view_span_by_first", "visit_view_span_by_length",
                    "session_view_span_by_first", "session_view_span_by_last", "visit_activity_span_by_first", "visit_activity_span_by_length",
                    "session_activity_span_by_first", "session_activity_span_by_last", "visit_view_span_by_session", "visit_view_span_ties",
                    "visit_activity_span_mixed", "session_activity_span_mixed", "session_value_by_last", "session_value_extra_by_kind");
            // V24: the sessions list's columns on session_activity_span.
            assertThat(columns(db, "public").get("session_activity_span")).containsExactlyInAnyOrder("website_id", "session_id", "first_at",
                    "last_at", "hostname", "distinct_id", "city", "browser", "os", "device", "mixed");
        }
    }

    @Test
    void tablesAndColumnsMatchDuckDbs() throws Exception {
        Map<String, Set<String>> postgres;
        try (PostgresConnections db = PostgresConnections.open(PostgresUrl.parse(PostgresTestDatabase.fresh()), 2)) {
            Migrations.apply(db, "postgresql");
            postgres = columns(db, "public");
        }
        Map<String, Set<String>> duck;
        try (DuckDbConnections db = DuckDbConnections.open(Files.createTempDirectory("footfall-mig").resolve("f.duckdb"), 1)) {
            Migrations.apply(db, "duckdb");
            duck = columns(db, "main");
        }
        for (String table : SHARED) {
            Set<String> expected = new TreeSet<>(duck.get(table));
            expected.removeIf(col -> DUCKDB_ONLY.contains(table + "." + col));
            expected.addAll(POSTGRES_ONLY.getOrDefault(table, Set.of()));
            assertThat(postgres.get(table)).as(table).isEqualTo(expected);
        }
        // Every DuckDB table is either shared or one of its rollups; a new metadata table needs a PostgreSQL migration too.
        Set<String> duckOnly = new TreeSet<>(duck.keySet());
        duckOnly.removeAll(SHARED);
        List<String> postgresTables = new java.util.ArrayList<>(SHARED);
        postgresTables.addAll(POSTGRES_ROLLUPS);
        assertThat(postgres.keySet()).containsExactlyInAnyOrderElementsOf(postgresTables);
        assertThat(duckOnly).allSatisfy(t -> assertThat(t).matches(
                "visit.*|session_(span|hour|value.*|event|view_day|touch|number)|event_hour|event_type_hour|.*_day|.*_gap.*|.*slot.*|rollup_state|.*_pending|visit_event|journey_item|revenue_event|funnel_(row|session|item)"));
    }

    /** flagged_event is event plus its flag, and bot_event is exactly event, column for column in order, on both stores. */
    @Test
    void flaggedEventHasEventsColumnsInOrder() throws Exception {
        try (PostgresConnections db = PostgresConnections.open(PostgresUrl.parse(PostgresTestDatabase.fresh()), 2)) {
            Migrations.apply(db, "postgresql");
            assertFlaggedMatchesEvent(db, "public");
        }
        try (DuckDbConnections db = DuckDbConnections.open(Files.createTempDirectory("footfall-mig").resolve("f.duckdb"), 1)) {
            Migrations.apply(db, "duckdb");
            assertFlaggedMatchesEvent(db, "main");
        }
    }

    private static void assertFlaggedMatchesEvent(Connections db, String schema) throws SQLException {
        List<String> event = orderedColumns(db, schema, "event");
        List<String> flagged = new java.util.ArrayList<>(event);
        flagged.add("flag");
        assertThat(orderedColumns(db, schema, "flagged_event")).as(schema + " flagged_event").isEqualTo(flagged);
        assertThat(orderedColumns(db, schema, "bot_event")).as(schema + " bot_event").isEqualTo(event);
    }

    private static List<String> orderedColumns(Connections db, String schema, String table) throws SQLException {
        return db.read(c -> {
            List<String> out = new java.util.ArrayList<>();
            // Generated columns (PostgreSQL's event.channel) are computed, never written: not part of the row's order.
            try (var ps = c.prepareStatement("SELECT column_name FROM information_schema.columns WHERE table_schema = ?"
                    + " AND table_name = ? AND coalesce(is_generated, 'NEVER') = 'NEVER' ORDER BY ordinal_position")) {
                ps.setString(1, schema);
                ps.setString(2, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    private static Map<String, Set<String>> columns(Connections db, String schema) throws SQLException {
        return db.read(c -> {
            Map<String, Set<String>> out = new TreeMap<>();
            try (var ps = c.prepareStatement("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = ?"
                    + " AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE')")) {
                ps.setString(1, schema);
                ps.setString(2, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.computeIfAbsent(rs.getString(1), t -> new TreeSet<>()).add(rs.getString(2));
                }
            }
            return out;
        });
    }

    private static Set<String> indexes(Connections db) throws SQLException {
        return db.read(c -> {
            Set<String> out = new TreeSet<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        });
    }
}
