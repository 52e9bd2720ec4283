package io.footfall.accelerate.duckdb;

import io.footfall.query.EventScope;
import io.footfall.query.SqlText;

/**
 * The attribution report's touch from the per-visit touch rollup ({@code visit_touch}: span, first seven instants and
 * their touch rows, with {@link VisitRollup}'s known and checked visits) instead of a join of every event in the range with the converting
 * sessions. The touch instant of a converting session is its first reportable row in the range (first-click), or its last
 * one before its last conversion (last-click):
 * <ul>
 *   <li>a known visit (wholly in the range, folded) gives its span: first-click takes its first row's instant; last-click
 *       its last one when the visit ended before the conversion, else the latest of its first seven instants before it (a
 *       visit with more than seven instants, all of the seven before the conversion, is read from its events after the seventh);</li>
 *   <li>checked visits (cut by the range, or with rows not folded yet) give their in-range rows from events, in their
 *       narrow windows.</li>
 * </ul>
 * The touch rows are the session's reportable rows at that instant: a known visit's from {@code visit_touch} when the
 * instant is its first (always so for first-click) or one of its first seven ({@code early}), other known visits' from
 * their events at that instant, and the checked visits' rows read above.
 * First-click reads the per-session rollup ({@code session_touch}, V42) first and this per-visit path only for the sessions
 * it does not settle (see {@code firstClick}).
 * Expects a CTE {@code conv (session_id, max_dt, ...)}; defines {@code pend}, {@code cr}, {@code model (session_id, at)} and
 * {@code touch} ({@link #TOUCH_COLUMNS}; first-click's also {@code single}: the session's only touch row, see {@link #firstClickVisitors}).
 */
public final class AttributionRollup {
    private static final String REPORTABLE = "e." + VisitRollup.ROWS;
    /** The columns of CTE {@code touch}: the touch values as the report lists them ('' when missing). */
    public static final String TOUCH_COLUMNS = "session_id, referrer, paid, utm_source, utm_medium, utm_campaign, utm_content, utm_term";
    private static final String UNPACKED = "u.referrer, u.paid, u.utm_source, u.utm_medium, u.utm_campaign, u.utm_content, u.utm_term";

    private AttributionRollup() {
    }

    /** Whether the rollup can answer: DuckDB (the model ignores the filters, which apply to the conversions only). */
    public static boolean covers(EventScope scope) {
        return scope.dialect().name().equals("duckdb");
    }

    /** {@link #TOUCH_COLUMNS} of event alias {@code e}, as a SELECT list (the plain report's touch rows). */
    public static String touchValues(String e) {
        return e + ".session_id, " + TouchSpans.columns(e);
    }

    /**
     * The report's first CTEs: the step's rows ({@code stepRows}, a WHERE clause on {@code event e}) once, per visit (its
     * sessions' conversions and the total's visits and rows in one pass, no distinct counts), then per session, as
     * {@code sv}, {@code stepsum} and {@code tot (views, sessions, visits)}; with {@code conversions} also
     * {@code conv (session_id, max_dt)}. The plain path reads the step's rows twice.
     */
    public static SqlText steps(SqlText stepRows, boolean conversions) {
        SqlText sql = new SqlText()
                .add("sv AS (SELECT e.visit_id, any_value(e.session_id) AS session_id, max(e.created_at) AS max_dt, count(*) AS n FROM event e")
                .addAll(stepRows).add(" GROUP BY e.visit_id), ")
                .add("stepsum AS MATERIALIZED (SELECT sv.session_id, max(sv.max_dt) AS max_dt, sum(sv.n)::BIGINT AS views, count(*) AS visits"
                        + " FROM sv GROUP BY sv.session_id), tot AS MATERIALIZED (SELECT coalesce(sum(views), 0) AS views, count(*) AS sessions,"
                        + " coalesce(sum(visits), 0) AS visits FROM stepsum)");
        // narrow rows: conv is held while the rest of the statement runs (a 512 MiB MEMORY_LIMIT gives DuckDB 80 MiB)
        return conversions ? sql.add(", conv AS MATERIALIZED (SELECT session_id, max_dt FROM stepsum)") : sql;
    }

    /** {@code , pend AS ..., cr AS ..., model AS ..., touch AS ...}. */
    public static SqlText ctes(VisitRollup visits, EventScope scope, boolean first) {
        var p = scope.params();
        Object site = scope.websiteId();
        // first-click tells the checked rows not folded yet (tail) from the others: session_touch holds only folded rows
        String tail = first ? ", e.ingest_seq > (SELECT folded_seq FROM rollup_state) AS tail" : "";
        String empty = "SELECT NULL::UUID AS session_id, NULL::UUID AS visit_id, NULL::TIMESTAMP AS at, NULL::" + TouchSpans.VALUES + " AS u"
                + (first ? ", false AS tail" : "") + " WHERE false";
        SqlText sql = new SqlText().add(", ").addAll(visits.pendingCte())
                // the converting sessions' rows in checked visits, with their touch values
                .add(", cr AS MATERIALIZED (SELECT r.* FROM (")
                .addAll(visits.checkedRows("e.session_id, e.visit_id, e.created_at AS at, " + TouchSpans.values("e") + " AS u" + tail, empty))
                .add(") r WHERE r.session_id IN (SELECT session_id FROM conv))");
        if (first) return sql.addAll(firstClick(visits, site, p.startAt(), p.endAt()));
        // The converting sessions' known visits starting before their last conversion, read once, each with its own latest row
        // before the conversion when its first seven instants tell it (rolled: it ended before, has fewer instants, or its
        // seventh is not before), and the touch rows at that row when they are among the seven instants' rows (early).
        // (the held instants are first_at, mid_instants and last_at since V54: TouchSpans.instants; read here without building the list)
        String at = "CASE WHEN t.last_at < c.max_dt THEN t.last_at ELSE " + TouchSpans.heldBefore("t", "c.max_dt") + " END";
        // (kv keeps narrow columns only: the visits' lists stay out of the materialized rows, which must fit a small memory limit)
        sql.add(", kv AS MATERIALIZED (SELECT session_id, visit_id, first_at, last_at, max_dt, rolled, own_at, held_last AS lo,"
                        + " rolled AND own_at <= held_last AS early, CASE WHEN rolled AND own_at <= held_last"
                        + " THEN list_transform(list_filter(tearly, lambda x: x.ts = own_at), lambda x: x.u) END AS touches FROM ("
                        + "SELECT t.session_id, t.visit_id, t.first_at, t.last_at, " + TouchSpans.lastHeld("t") + " AS held_last, t.early AS tearly, c.max_dt,"
                        + " t.last_at < c.max_dt OR NOT " + TouchSpans.holdsSeven("t") + " OR " + TouchSpans.lastHeld("t") + " >= c.max_dt AS rolled, " + at + " AS own_at"
                        + " FROM visit_touch t JOIN conv c ON c.session_id = t.session_id WHERE t.first_at < c.max_dt").addAll(visits.known("t")).add("))")
                .add(", model AS MATERIALIZED (SELECT x.session_id, max(x.at) AS at FROM (SELECT k.session_id, k.own_at AS at FROM kv k WHERE k.rolled")
                // known visits whose first seven instants all lie before the conversion: their later rows from events
                .add(" UNION ALL SELECT e.session_id, e.created_at FROM event e JOIN (SELECT k.visit_id, k.lo, k.max_dt FROM kv k WHERE NOT k.rolled)"
                        + " d ON e.visit_id = d.visit_id AND e.created_at >= d.lo AND e.created_at < d.max_dt"
                        + " WHERE e.website_id = ? AND e.created_at BETWEEN ? AND ? AND " + REPORTABLE, site, p.startAt(), p.endAt())
                .addAll(visits.measuredRows("e"))
                .add(" UNION ALL SELECT r.session_id, r.at FROM cr r JOIN conv c ON c.session_id = r.session_id WHERE r.at < c.max_dt) x"
                        + " GROUP BY x.session_id)")
                // the known visits holding a row at the instant: a rolled visit holds it only as its own latest row (the session's
                // instant is the latest of its visits'); their rows from the rollup (early) or from events, the others' from events
                .add(", kt AS MATERIALIZED (SELECT k.session_id, k.visit_id, k.early, m.at, k.touches FROM kv k JOIN model m ON m.session_id = k.session_id"
                        + " AND k.first_at <= m.at AND k.last_at >= m.at WHERE NOT k.rolled OR k.own_at = m.at)")
                .add(", touch AS (SELECT session_id, " + UNPACKED + " FROM (SELECT k.session_id, unnest(k.touches) AS u FROM kt k WHERE k.early)"
                        + " UNION ALL SELECT e.session_id, " + TouchSpans.columns("e") + " FROM event e JOIN kt k ON k.visit_id = e.visit_id AND k.at = e.created_at"
                        + " AND NOT k.early WHERE e.website_id = ? AND e.created_at BETWEEN ? AND ? AND " + REPORTABLE, site, p.startAt(), p.endAt())
                .addAll(visits.measuredRows("e"))
                .add(" UNION ALL SELECT r.session_id, " + UNPACKED.replace("u.", "r.u.") + " FROM cr r JOIN model m ON m.session_id = r.session_id AND m.at = r.at)");
        return sql;
    }

    /**
     * First-click's model and touch rows. A converting session whose folded first instant ({@code session_touch.first_at})
     * lies in the range is <em>rolled</em>: every folded row of it in the range is at or after that instant, so its touch
     * is there (its {@code touches}) unless a row not folded yet (tail, from {@code cr}) is earlier, and rows of the tail at
     * the touch instant add to it. The other converting sessions (started before the range, or only in the tail) take the
     * per-visit path: their known visits' earliest first instants ({@code visit_touch}) and their checked visits' rows.
     */
    private static SqlText firstClick(VisitRollup visits, Object site, Object start, Object end) {
        String rolled = "session_touch s WHERE s.website_id = ? AND s.first_at BETWEEN ? AND ?";
        SqlText sql = new SqlText()
                // the converting sessions not rolled (conv builds; only those rows are kept: few, as a rule)
                .add(", sb AS MATERIALIZED (SELECT c.session_id FROM (SELECT s.session_id FROM " + rolled + ") s RIGHT JOIN conv c"
                        + " ON c.session_id = s.session_id WHERE s.session_id IS NULL)", site, start, end)
                // the rolled sessions' earliest tail rows, with their folded first instant (few: the tail is small; its rows build)
                .add(", tm AS MATERIALIZED (SELECT r.session_id, min(r.at) AS at, any_value(s.first_at) AS f FROM session_touch s"
                        + " JOIN (SELECT c.session_id, c.at FROM cr c WHERE c.tail) r ON r.session_id = s.session_id"
                        + " WHERE s.website_id = ? AND s.first_at BETWEEN ? AND ? GROUP BY r.session_id)", site, start, end)
                .add(", kv AS MATERIALIZED (SELECT t.session_id, min(t.first_at) AS at FROM visit_touch t"
                        + " WHERE t.session_id IN (SELECT session_id FROM sb)").addAll(visits.known("t")).add(" GROUP BY t.session_id)")
                // the instant of every session the rollup does not settle alone: not rolled, or rolled with tail rows
                .add(", model AS MATERIALIZED (SELECT x.session_id, min(x.at) AS at FROM (SELECT k.session_id, k.at FROM kv k"
                        + " UNION ALL SELECT r.session_id, r.at FROM cr r WHERE r.session_id IN (SELECT session_id FROM sb)"
                        + " UNION ALL SELECT t.session_id, least(t.f, t.at) FROM tm t) x GROUP BY x.session_id)")
                .add(", touch AS (SELECT session_id, " + UNPACKED + ", single FROM ("
                        // rolled sessions whose tail rows (if any) are not earlier: their folded rows at the first instant; single when
                        // that is one row and the tail adds none (no other part below gives rows of a rolled session without tail rows)
                        + "SELECT s.session_id, unnest(s.touches) AS u, len(s.touches) = 1 AND s.session_id NOT IN (SELECT t.session_id FROM tm t) AS single"
                        + " FROM " + rolled + " AND s.session_id IN (SELECT session_id FROM conv)"
                        + " AND len(s.touches) > 0 AND s.session_id NOT IN (SELECT t.session_id FROM tm t WHERE t.at < t.f)", site, start, end)
                // the other sessions' known visits starting at the session's instant
                .add(" UNION ALL SELECT t.session_id, unnest(" + TouchSpans.firstTouches("t") + ") AS u, false FROM visit_touch t JOIN (SELECT m.session_id, m.at FROM model m"
                        + " WHERE m.session_id IN (SELECT session_id FROM sb)) m ON m.session_id = t.session_id AND m.at = t.first_at"
                        + " WHERE len(" + TouchSpans.firstTouches("t") + ") > 0").addAll(visits.known("t")).add(")")
                // checked rows at the instant: all of them for sessions not rolled, the tail's for rolled ones
                .add(" UNION ALL SELECT r.session_id, " + UNPACKED.replace("u.", "r.u.") + ", false FROM cr r JOIN model m ON m.session_id = r.session_id AND m.at = r.at"
                        + " WHERE r.tail OR r.session_id IN (SELECT session_id FROM sb))");
        return sql;
    }

    /**
     * First-click's visitors per list {@code k} (the index in {@code names}, columns of {@code touch t}) and name, as CTE
     * {@code named}'s body: a session with a single touch row counts once as it comes, the others once per distinct name.
     * The seven lists are unpivoted from each touch row in one pass: seven reads of {@code touch} made DuckDB keep it
     * whole (37 MiB over 90 days of the 10 M-event bench), and a DISTINCT over every (list, name, session) row held 400 k
     * rows more; together they did not fit DuckDB's 80 MiB at a 512m MEMORY_LIMIT. Most sessions have a single touch row.
     */
    public static String firstClickVisitors(java.util.List<String> names) {
        StringBuilder lists = new StringBuilder();
        for (int i = 0; i < names.size(); i++) lists.append(i == 0 ? "" : ", ").append("{'k': ").append(i).append(", 'name': ").append(names.get(i)).append("}");
        return "SELECT k, name, count(*) FILTER (WHERE single) + count(DISTINCT CASE WHEN NOT single THEN session_id END) AS value"
                + " FROM (SELECT session_id, single, x.k AS k, x.name AS name FROM (SELECT t.session_id, t.single, unnest([" + lists + "]) AS x"
                + " FROM touch t)) b WHERE name <> '' GROUP BY k, name";
    }
}
