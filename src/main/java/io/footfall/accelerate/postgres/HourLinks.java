package io.footfall.accelerate.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * {@code session_hour_view.prev_hour} (V14) and {@code prev_slot} (V19) for a batch's session-hours: the session's previous
 * hour with views, and its previous one in the same hour of the UTC week. Hours after the session's last view so far (the
 * usual case: a new session, or one going on) link to that last view's hour or to the batch's previous hour of the session;
 * their slot link is the batch's previous hour of the slot, else (sessions older than a week only) the latest row found by
 * probing the session's earlier hours of the slot. A session with a late hit before its last view has its links computed
 * again from its events after the upsert ({@link #relink}).
 */
final class HourLinks {
    private static final long HOUR_MICROS = 3_600_000_000L;
    private static final long WEEK_MICROS = 168 * HOUR_MICROS;
    /** The hour of the UTC week of {@code hour} (a UTC timestamp column), as the slot links group them. */
    static final String SLOT = "mod(floor(extract(epoch FROM hour) / 3600)::bigint, 168)";

    /**
     * The first hour of each (session, slot) among the session's rows, one above and one below each row's slot when
     * earlier than the row (V26); V26's fill, {@link SpanRows#rebuildAll} and {@link #relink} compute them this way.
     */
    static String neighbours(String rows) {
        return "s AS (SELECT website_id, session_id, hour, " + SLOT + " AS slot FROM " + rows + "), "
                + "f AS (SELECT website_id, session_id, slot, min(hour) AS first FROM s GROUP BY 1, 2, 3), "
                + "n AS (SELECT s.website_id, s.session_id, s.hour, s.slot, CASE WHEN a.first < s.hour THEN a.first END AS above, "
                + "CASE WHEN b.first < s.hour THEN b.first END AS below FROM s "
                + "LEFT JOIN f a ON a.website_id = s.website_id AND a.session_id = s.session_id AND a.slot = mod(s.slot + 1, 168) "
                + "LEFT JOIN f b ON b.website_id = s.website_id AND b.session_id = s.session_id AND b.slot = mod(s.slot + 167, 168))";
    }

    private final Map<SpanRows.HourKey, Long> previous;
    private final Map<SpanRows.HourKey, Long> previousInSlot;
    private final Map<SpanRows.HourKey, Long> firstAbove;
    private final Map<SpanRows.HourKey, Long> firstBelow;
    private final Set<SpanRows.Key> late;

    private HourLinks(Map<SpanRows.HourKey, Long> previous, Map<SpanRows.HourKey, Long> previousInSlot, Map<SpanRows.HourKey, Long> firstAbove,
                      Map<SpanRows.HourKey, Long> firstBelow, Set<SpanRows.Key> late) {
        this.previous = previous;
        this.previousInSlot = previousInSlot;
        this.firstAbove = firstAbove;
        this.firstBelow = firstBelow;
        this.late = late;
    }

    /** Reads the batch's sessions' last views so far (call before session_view_span takes the batch). */
    static HourLinks of(Connection c, Set<SpanRows.HourKey> keys) throws SQLException {
        Map<SpanRows.Key, TreeSet<Long>> hours = new HashMap<>();
        for (SpanRows.HourKey k : keys) hours.computeIfAbsent(new SpanRows.Key(k.website(), k.session()), s -> new TreeSet<>()).add(k.hour());
        Map<SpanRows.Key, Long> lastHour = new HashMap<>();
        Map<SpanRows.Key, Long> firstHour = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT k.w, k.id, v.last_at, v.first_at FROM unnest(?::uuid[], ?::uuid[]) AS k(w, id) "
                + "JOIN session_view_span v ON v.website_id = k.w AND v.session_id = k.id")) {
            SpanRows.bind(c, ps, hours.keySet().stream().map(SpanRows.Key::website).toList(), "uuid",
                    hours.keySet().stream().map(SpanRows.Key::id).toList(), "uuid");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    SpanRows.Key key = new SpanRows.Key(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                    lastHour.put(key, hourOf(rs.getObject(3, LocalDateTime.class)));
                    firstHour.put(key, hourOf(rs.getObject(4, LocalDateTime.class)));
                }
            }
        }
        Map<SpanRows.HourKey, Long> previous = new HashMap<>();
        Map<SpanRows.HourKey, Long> previousInSlot = new HashMap<>();
        Map<SpanRows.HourKey, Long> firstAbove = new HashMap<>();
        Map<SpanRows.HourKey, Long> firstBelow = new HashMap<>();
        Neighbours neighbours = new Neighbours();
        List<SpanRows.HourKey> probed = new ArrayList<>();
        List<Long> probedFrom = new ArrayList<>();
        Set<SpanRows.Key> late = new LinkedHashSet<>();
        hours.forEach((session, batch) -> {
            Long prev = lastHour.get(session);
            Long first = firstHour.get(session);
            if (prev != null && batch.first() < prev) {
                late.add(session);
                return;
            }
            // An hour equal to the last view's is a row already there, which keeps its links.
            for (long h : batch) {
                if (prev == null || h != prev) {
                    SpanRows.HourKey key = new SpanRows.HourKey(session.website(), h, session.id());
                    previous.put(key, prev);
                    Long inBatch = null;
                    for (Long b = batch.lower(h); b != null && inBatch == null; b = batch.lower(b)) if ((h - b) % WEEK_MICROS == 0) inBatch = b;
                    if (inBatch != null) previousInSlot.put(key, inBatch);
                    else if (first != null && first <= h - WEEK_MICROS) {
                        probed.add(key);
                        probedFrom.add(first);
                    }
                    neighbours.link(key, first, lastHour.get(session), batch, HOUR_MICROS - WEEK_MICROS, firstAbove);
                    neighbours.link(key, first, lastHour.get(session), batch, -HOUR_MICROS, firstBelow);
                }
                prev = h;
            }
        });
        probe(c, probed, probedFrom, previousInSlot);
        neighbours.probe(c);
        return new HourLinks(previous, previousInSlot, firstAbove, firstBelow, late);
    }

    /**
     * The first hours of a batch's new rows in the neighbouring slots (V26). The session's rows before a new hour are its
     * rows so far (from its first hour to its last, both rows) and the batch's earlier hours, all later than those. The
     * first of the slot among the rows so far is known when it is the first or the last hour; otherwise the candidates
     * between them are probed in ascending order (sessions of over a week only); failing that, the batch's first there.
     */
    private static final class Neighbours {
        private final List<Object[]> probes = new ArrayList<>();

        /** {@code back}: how far the slot's latest hour before a row's lies behind it (−1 h below, −167 h above). */
        void link(SpanRows.HourKey key, Long first, Long last, TreeSet<Long> batch, long back, Map<SpanRows.HourKey, Long> into) {
            long h = key.hour();
            Long inBatch = null;
            for (long b : batch.headSet(h)) {
                if (Math.floorMod(b - h - back, WEEK_MICROS) == 0) {
                    inBatch = b;
                    break;
                }
            }
            if (first != null) {
                long g = first + Math.floorMod(h + back - first, WEEK_MICROS);
                if (g <= last && g < h) {
                    if (g == first || g == last) {
                        into.put(key, g);
                        return;
                    }
                    probes.add(new Object[]{key, g, last, inBatch, into});
                    return;
                }
            }
            if (inBatch != null) into.put(key, inBatch);
        }

        void probe(Connection c) throws SQLException {
            if (probes.isEmpty()) return;
            try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT g FROM generate_series(k.g, k.l, interval '168 hours') g "
                    + "WHERE EXISTS (SELECT 1 FROM session_hour_view r WHERE r.website_id = k.w AND r.hour = g AND r.session_id = k.id) "
                    + "ORDER BY g LIMIT 1) FROM unnest(?::uuid[], ?::uuid[], ?::timestamp[], ?::timestamp[]) WITH ORDINALITY AS k(w, id, g, l, i) "
                    + "ORDER BY k.i")) {
                SpanRows.bind(c, ps, probes.stream().map(p -> ((SpanRows.HourKey) p[0]).website()).toList(), "uuid",
                        probes.stream().map(p -> ((SpanRows.HourKey) p[0]).session()).toList(), "uuid",
                        probes.stream().map(p -> SpanRows.timestamp((Long) p[1])).toList(), "text",
                        probes.stream().map(p -> SpanRows.timestamp((Long) p[2])).toList(), "text");
                try (ResultSet rs = ps.executeQuery()) {
                    for (Object[] p : probes) {
                        rs.next();
                        LocalDateTime found = rs.getObject(1, LocalDateTime.class);
                        @SuppressWarnings("unchecked") Map<SpanRows.HourKey, Long> into = (Map<SpanRows.HourKey, Long>) p[4];
                        Long value = found != null ? Long.valueOf(hourOf(found)) : (Long) p[3];
                        if (value != null) into.put((SpanRows.HourKey) p[0], value);
                    }
                }
            }
        }
    }

    /**
     * The slot links of new hours of sessions older than a week: the latest of the session's rows 1, 2, ... weeks before,
     * down to its first hour (one primary-key probe each; the latest found, whatever order the plan probes in).
     */
    private static void probe(Connection c, List<SpanRows.HourKey> keys, List<Long> firsts, Map<SpanRows.HourKey, Long> into) throws SQLException {
        if (keys.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement("SELECT k.w, k.h, k.id, (SELECT g FROM generate_series(k.h - interval '168 hours', k.f, "
                + "interval '-168 hours') g WHERE EXISTS (SELECT 1 FROM session_hour_view r WHERE r.website_id = k.w AND r.hour = g "
                + "AND r.session_id = k.id) ORDER BY g DESC LIMIT 1) FROM unnest(?::uuid[], ?::timestamp[], ?::uuid[], ?::timestamp[]) AS k(w, h, id, f)")) {
            SpanRows.bind(c, ps, keys.stream().map(SpanRows.HourKey::website).toList(), "uuid",
                    keys.stream().map(k -> SpanRows.timestamp(k.hour())).toList(), "text",
                    keys.stream().map(SpanRows.HourKey::session).toList(), "uuid",
                    firsts.stream().map(SpanRows::timestamp).toList(), "text");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDateTime found = rs.getObject(4, LocalDateTime.class);
                    if (found == null) continue;
                    into.put(new SpanRows.HourKey(rs.getObject(1, UUID.class), hourOf(rs.getObject(2, LocalDateTime.class)),
                            rs.getObject(3, UUID.class)), hourOf(found));
                }
            }
        }
    }

    private static long hourOf(LocalDateTime t) {
        long micros = t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1_000;
        return Math.floorDiv(micros, HOUR_MICROS) * HOUR_MICROS;
    }

    /** The previous hour (microseconds) of a batch's new session-hour; null for a session's first, or one {@link #late}. */
    Long previous(SpanRows.HourKey key) {
        return previous.get(key);
    }

    /** The previous hour of the same UTC week-hour (microseconds) of a batch's new session-hour; null when none, or for one {@link #late}. */
    Long previousInSlot(SpanRows.HourKey key) {
        return previousInSlot.get(key);
    }

    /** The session's first hour in the UTC week-hour above (below) a batch's new session-hour, when earlier; null when none, or for one {@link #late}. */
    Long firstAbove(SpanRows.HourKey key) {
        return firstAbove.get(key);
    }

    Long firstBelow(SpanRows.HourKey key) {
        return firstBelow.get(key);
    }

    /** Sessions with a hit before their last view so far: relinked after the upsert. */
    Set<SpanRows.Key> late() {
        return late;
    }

    /**
     * Sets the links of these sessions' rows from their events' view hours, leaving out the events with {@code excluded}
     * ids when given (about to be deleted by a re-ship).
     */
    static void relink(Connection c, Set<SpanRows.Key> sessions, Array excluded) throws SQLException {
        if (sessions.isEmpty()) return;
        String sql = "WITH h AS (SELECT DISTINCT e.website_id, e.session_id, date_trunc('hour', e.created_at) AS hour "
                + "FROM unnest(?::uuid[], ?::uuid[]) AS k(w, id) JOIN event e ON e.website_id = k.w AND e.session_id = k.id "
                + "WHERE e.event_type IN (1, 3, 4)" + (excluded == null ? "" : " AND e.event_id <> ALL (?)") + "), " + neighbours("h") + " "
                + "UPDATE session_hour_view r SET prev_hour = x.prev, prev_slot = x.prev_slot, first_above = x.above, first_below = x.below "
                + "FROM (SELECT website_id, session_id, hour, above, below, "
                + "lag(hour) OVER (PARTITION BY website_id, session_id ORDER BY hour) AS prev, "
                + "lag(hour) OVER (PARTITION BY website_id, session_id, slot ORDER BY hour) AS prev_slot FROM n) x "
                + "WHERE r.website_id = x.website_id AND r.hour = x.hour AND r.session_id = x.session_id "
                + "AND (r.prev_hour IS DISTINCT FROM x.prev OR r.prev_slot IS DISTINCT FROM x.prev_slot "
                + "OR r.first_above IS DISTINCT FROM x.above OR r.first_below IS DISTINCT FROM x.below)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("uuid", sessions.stream().map(SpanRows.Key::website).toArray()));
            ps.setArray(2, c.createArrayOf("uuid", sessions.stream().map(SpanRows.Key::id).toArray()));
            if (excluded != null) ps.setArray(3, excluded);
            ps.executeUpdate();
        }
    }
}
