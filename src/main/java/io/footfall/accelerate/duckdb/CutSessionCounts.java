package io.footfall.accelerate.duckdb;

import io.footfall.query.SqlText;
import io.footfall.store.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * For known sessions the range cuts (they began before it), what the sessions list shows of their rows in the
 * range: the first activity, visits, pageviews and custom events. Their attributes and hostname are constant
 * (not mixed) and their last activity lies in the range, so the rollup row holds the rest; reading just these
 * four columns of their events, not every attribute, keeps the event read small.
 */
final class CutSessionCounts {
    record Counts(Instant firstAt, long visits, long views, long events) {
    }

    private CutSessionCounts() {
    }

    /** {@code where}: the list's WHERE over alias e (website, range, activity, filters, search). */
    static Map<UUID, Counts> read(Connection c, SqlText where, Instant from, Instant to, List<UUID> sessions) throws SQLException {
        Map<UUID, Counts> out = new HashMap<>();
        if (sessions.isEmpty()) return out;
        SqlText sql = new SqlText().add("SELECT e.session_id, min(e.created_at) AS first_at, count(DISTINCT e.visit_id) AS visits, "
                        + "count(*) FILTER (WHERE e.event_type = 1) AS views, count(*) FILTER (WHERE e.event_type = 2) AS events FROM event e")
                .addAll(where).add(" AND e.created_at BETWEEN ? AND ? AND e.session_id IN (", from, to);
        for (int i = 0; i < sessions.size(); i++) sql.add(i == 0 ? "?" : ", ?", sessions.get(i));
        sql.add(") GROUP BY e.session_id").list(c, rs -> out.put(Sql.uuid(rs, "session_id"),
                new Counts(Sql.instant(rs, "first_at"), rs.getLong("visits"), rs.getLong("views"), rs.getLong("events"))));
        return out;
    }

    /** The rollup row with the counts inside the range in place of the whole session's. */
    static Map<String, Object> apply(Map<String, Object> rollupRow, Counts counts) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(rollupRow);
        m.put("firstAt", counts.firstAt());
        m.put("visits", counts.visits());
        m.put("views", counts.views());
        m.put("events", counts.events());
        return m;
    }
}
