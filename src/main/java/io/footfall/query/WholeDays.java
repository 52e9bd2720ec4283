package io.footfall.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/** The UTC days lying wholly inside a range, which the day-summed rollups can answer for. */
final class WholeDays {
    private WholeDays() {
    }

    /**
     * Parts, joined by UNION ALL, that together hold every rollup row whose {@code column} lies in the range
     * once: the whole UTC days from day totals ({@code days}, given [first midnight, end)) and the partial days
     * at either end from the rows ({@code rows}, given the condition on {@code column} to append), or the
     * whole range from the rows when it holds no whole day.
     */
    static SqlText startingIn(QueryParams p, String column, Function<Instant[], SqlText> days, Function<SqlText, SqlText> rows) {
        Instant[] d = of(p);
        if (!d[0].isBefore(d[1])) return rows.apply(new SqlText().add(" AND " + column + " BETWEEN ? AND ?", p.startAt(), p.endAt()));
        return new SqlText().addAll(days.apply(d))
                .add(" UNION ALL ").addAll(rows.apply(new SqlText().add(" AND " + column + " >= ? AND " + column + " < ?", p.startAt(), d[0])))
                .add(" UNION ALL ").addAll(rows.apply(new SqlText().add(" AND " + column + " >= ? AND " + column + " <= ?", d[1], p.endAt())));
    }

    /** [first midnight, end) of those days; empty (first not before end) when there are none. */
    static Instant[] of(QueryParams p) {
        Instant first = p.startAt().truncatedTo(ChronoUnit.DAYS);
        if (first.isBefore(p.startAt())) first = first.plus(1, ChronoUnit.DAYS);
        Instant end = p.endAt().plusNanos(1_000).truncatedTo(ChronoUnit.DAYS); // the range's end is inclusive, events carry microseconds
        return new Instant[]{first, end};
    }
}
