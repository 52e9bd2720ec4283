package io.footfall.accelerate.duckdb;

import io.footfall.query.FilterValues;
import io.footfall.store.SessionValueKind;

import java.util.List;

/**
 * V52: {@code event_value_day}, events of every type per (kind, value, UTC day), summed straight from the event table
 * (no rollup between, as {@code event_type_hour}) for the filter pickers' values ({@link FilterValues}): the path
 * ({@code url_path}) and the referrer ({@code referrer_domain}, its events on the site's own hostname left out per event,
 * which is what the picker's own-site rule leaves out per (value, hostname) group). A missing value (NULL, {@code ''})
 * gets no row. Folded, re-shipped and rebuilt with the other event counts ({@link EventHours#TABLES}).
 */
final class EventValueDays {
    static final String TABLE = "event_value_day";

    /** One kind: the event column it counts, and the rows it counts (alias s). */
    record Kind(SessionValueKind kind, String column, String rows) {
        RollupTotals.Table table() {
            return new RollupTotals.Table(TABLE, "event", new String[]{"kind", "value", "day"},
                    new String[]{kind.code + "::TINYINT", "s." + column, "date_trunc('day', s.created_at)"}, rows, new String[]{"events"},
                    new String[]{"count(*)"}, "events");
        }
    }

    static final List<Kind> KINDS = List.of(
            new Kind(SessionValueKind.PATH, "url_path", "s.url_path IS NOT NULL AND s.url_path <> ''"),
            new Kind(SessionValueKind.REFERRER, "referrer_domain", "s.referrer_domain IS NOT NULL AND s.referrer_domain <> '' AND "
                    + FilterValues.notOwnSite("s.referrer_domain", "s.hostname")));

    static final List<RollupTotals.Table> TABLES = KINDS.stream().map(Kind::table).toList();

    private EventValueDays() {
    }

    /** The kind counting {@code column}, or null. */
    static Kind forColumn(String column) {
        for (Kind k : KINDS) if (k.column().equals(column)) return k;
        return null;
    }
}
