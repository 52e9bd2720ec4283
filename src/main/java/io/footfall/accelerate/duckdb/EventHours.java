package io.footfall.accelerate.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Events counted per UTC hour straight from the event table ({@link RollupTotals} tables without a rollup
 * between): custom events per name (V12: {@code event_hour}), events of every type (V19:
 * {@code event_type_hour}) and events per filter value and day (V52: {@code event_value_day}, {@link EventValueDays}). Folded from the event tail by adding counts; removing folded events (crash
 * re-shipping) takes their counts back out.
 */
final class EventHours {
    static final java.util.List<RollupTotals.Table> TABLES = tables();

    /** event_hour, event_type_hour and event_value_day's kinds (V52). */
    private static java.util.List<RollupTotals.Table> tables() {
        java.util.List<RollupTotals.Table> all = new java.util.ArrayList<>(java.util.List.of(RollupTotals.EVENT_HOURS, RollupTotals.EVENT_TYPE_HOURS));
        all.addAll(EventValueDays.TABLES);
        return java.util.List.copyOf(all);
    }

    private EventHours() {
    }

    /** Adds the tail's events. */
    static void fold(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (RollupTotals.Table t : TABLES) {
                RollupTotals.begin(st, t);
                st.execute(RollupTotals.contribution(t, 1, "NOT (" + Rollups.FOLDED.replace("ingest_seq", "s.ingest_seq") + ")"));
                RollupTotals.commit(st, t);
            }
        }
    }

    /** Takes out of {@code t} the folded events among those {@code events} names (before deleting them). */
    static String subtractFolded(RollupTotals.Table t, Narrowing events) {
        return RollupTotals.contribution(t, -1, Rollups.FOLDED.replace("ingest_seq", "s.ingest_seq") + events.and("s.event_id"));
    }

    /** Rebuilds a table from the folded events. */
    static String rebuild(RollupTotals.Table t) {
        return RollupTotals.rebuild(t, Rollups.FOLDED.replace("ingest_seq", "s.ingest_seq"));
    }

    /** Rebuilds event_hour (V12) from the folded events. */
    static final String REBUILD = rebuild(RollupTotals.EVENT_HOURS);
}
