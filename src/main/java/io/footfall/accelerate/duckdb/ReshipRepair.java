package io.footfall.accelerate.duckdb;

import io.footfall.store.SessionValueKind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Removes events that are about to be shipped again after a crash and keeps the rollups exact: the visits and
 * sessions they belonged to are rebuilt from the folded events that remain, the totals beside the rollups
 * follow, and folded custom events leave the hourly counts, so re-appending the same hits does not count them
 * twice. Runs inside the caller's write transaction, in chunks of ids.
 */
public final class ReshipRepair {
    private static final int CHUNK = 1000;

    private ReshipRepair() {
    }

    public static void deleteEvents(Connection c, List<UUID> ids) throws SQLException {
        Set<UUID> visits = new HashSet<>();
        Set<UUID> sessions = new HashSet<>();
        for (List<UUID> chunk : chunks(ids)) {
            Narrowing events = Narrowing.toIds(chunk.size());
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT visit_id, session_id FROM event WHERE " + events.in("event_id"))) {
                bind(ps, chunk);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        visits.add((UUID) rs.getObject(1));
                        sessions.add((UUID) rs.getObject(2));
                    }
                }
            }
            for (RollupTotals.Table t : EventHours.TABLES) {
                try (Statement st = c.createStatement()) {
                    RollupTotals.begin(st, t);
                }
                execute(c, EventHours.subtractFolded(t, events), chunk);
                try (Statement st = c.createStatement()) {
                    RollupTotals.commit(st, t);
                }
            }
            for (String table : List.of("event", "event_data", "flagged_event")) execute(c, "DELETE FROM " + table + " WHERE " + events.in("event_id"), chunk);
        }
        List<RollupTotals.Table> visitTotals = List.of(RollupTotals.VISIT_DAYS);
        List<RollupTotals.Table> visitValueTotals = new ArrayList<>();
        for (SessionValueKind k : SessionValueKind.values()) visitValueTotals.add(RollupTotals.visitValueDays(k));
        for (List<UUID> chunk : chunks(List.copyOf(visits))) {
            Narrowing n = Narrowing.toIds(chunk.size());
            List<String> rebuild = new ArrayList<>(List.of(
                    "DELETE FROM visit WHERE " + n.in("visit_id"),
                    VisitSpans.rebuild(n),
                    "DELETE FROM visit_event WHERE " + n.in("visit_id"),
                    EventSpans.rebuildVisits(n),
                    "DELETE FROM visit_journey WHERE " + n.in("visit_id")));
            rebuild.addAll(JourneySpans.rebuild(n));
            rebuild.add("DELETE FROM visit_touch WHERE " + n.in("visit_id"));
            rebuild.addAll(TouchSpans.rebuild(n));
            rebuild.add("DELETE FROM revenue_event WHERE " + n.in("visit_id"));
            rebuild.addAll(RevenueSpans.rebuild(n));
            rebuild.addAll(VisitValueSpans.delete(n));
            rebuild.addAll(VisitValueSpans.rebuild(n));
            rebuildRows(c, chunk, "visit_id", rebuild, visitTotals, visitValueTotals, VisitValueSpans.touched(n));
        }
        List<UUID> affectedSessions = List.copyOf(sessions);
        try (Statement st = c.createStatement()) {
            for (List<UUID> chunk : chunks(affectedSessions)) {
                StringBuilder list = new StringBuilder();
                for (UUID id : chunk) list.append(list.isEmpty() ? "" : ", ").append('\'').append(id).append("'::UUID"); // our own ids, not input
                VisitSpans.relink(st, "SELECT unnest([" + list + "])");
            }
        }
        List<RollupTotals.Table> sessionTotals = List.of(RollupTotals.SESSION_DAYS, RollupTotals.HOUR_GAPS, RollupTotals.SLOT_GAPS);
        List<RollupTotals.Table> sessionValueTotals = new ArrayList<>();
        for (SessionValueKind k : SessionValueKind.values()) sessionValueTotals.add(RollupTotals.sessionValueDays(k));
        for (List<UUID> chunk : chunks(affectedSessions)) {
            Narrowing n = Narrowing.toIds(chunk.size());
            List<String> rebuild = new ArrayList<>(List.of(
                    "DELETE FROM session_span WHERE " + n.in("session_id"),
                    SessionSpans.rebuild(n),
                    "DELETE FROM session_hour WHERE " + n.in("session_id"),
                    HourSpans.rebuild(n),
                    "DELETE FROM session_event WHERE " + n.in("session_id"),
                    EventSpans.rebuildSessions(n),
                    FunnelRows.delete(n),
                    "DELETE FROM session_touch WHERE " + n.in("session_id")));
            rebuild.addAll(FunnelRows.rebuild(n));
            rebuild.addAll(SessionTouches.rebuild(n)); // from visit_touch, rebuilt above
            rebuild.addAll(ValueSpans.delete(n));
            rebuild.addAll(ValueSpans.rebuild(n));
            rebuild.addAll(SessionDataSpans.followRebuild(n));
            rebuildRows(c, chunk, "session_id", rebuild, sessionTotals, sessionValueTotals, ValueSpans.touched(n));
        }
    }

    /**
     * Runs statements that rebuild the rollup rows of some sessions or visits ({@code key} in {@code ids}; each
     * statement takes the ids as its parameters), bracketed so the totals beside those rollups stay equal: those over
     * rows keyed by id ({@code totals}) and those over value rows keyed by number ({@code numbered}, rows {@code touched}).
     */
    private static void rebuildRows(Connection c, List<UUID> ids, String key, List<String> rebuild, List<RollupTotals.Table> totals,
                                    List<RollupTotals.Table> numbered, String touched) throws SQLException {
        Narrowing n = Narrowing.toIds(ids.size());
        Map<String, RollupTotals.Table> byName = new LinkedHashMap<>();
        for (RollupTotals.Table t : totals) byName.putIfAbsent(t.name(), t);
        for (RollupTotals.Table t : numbered) byName.putIfAbsent(t.name(), t);
        List<String> statements = new ArrayList<>();
        for (RollupTotals.Table t : totals) statements.add(RollupTotals.contribution(t, -1, n.in("s." + key)));
        for (RollupTotals.Table t : numbered) statements.add(RollupTotals.contribution(t, -1, touched));
        statements.addAll(rebuild);
        for (RollupTotals.Table t : totals) statements.add(RollupTotals.contribution(t, 1, n.in("s." + key)));
        for (RollupTotals.Table t : numbered) statements.add(RollupTotals.contribution(t, 1, touched));
        try (Statement st = c.createStatement()) {
            for (RollupTotals.Table t : byName.values()) RollupTotals.begin(st, t);
        }
        for (String sql : statements) execute(c, sql, ids);
        try (Statement st = c.createStatement()) {
            for (RollupTotals.Table t : byName.values()) RollupTotals.commit(st, t);
        }
    }

    private static List<List<UUID>> chunks(List<UUID> ids) {
        List<List<UUID>> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) out.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        return out;
    }

    private static void execute(Connection c, String sql, Collection<UUID> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, ids);
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Collection<UUID> ids) throws SQLException {
        int i = 1;
        for (UUID id : ids) ps.setObject(i++, id);
    }
}
