package io.footfall.accelerate.duckdb;

import io.footfall.query.QueryParams;
import io.footfall.query.SqlText;
import java.time.Duration;
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
     * whole range from the rows when it holds no whole day. A partial day longer than half a day is taken as
     * its whole day's total less the rows of the rest of that day ({@code negated}: the select list that
     * negates a {@code rows} part read as alias {@code neg}, e.g. {@code "neg.x, -neg.n"}); a range ending now
     * has no rows after its end, so its last day costs a day total instead of a day of rows.
     */
    static SqlText startingIn(QueryParams p, String column, Function<Instant[], SqlText> days, Function<SqlText, SqlText> rows,
                              String negated) {
        Instant[] d = of(p);
        if (!d[0].isBefore(d[1])) return rows.apply(new SqlText().add(" AND " + column + " BETWEEN ? AND ?", p.startAt(), p.endAt()));
        Instant from = d[0];
        Instant to = d[1];
        SqlText parts = new SqlText();
        if (Duration.between(p.startAt(), d[0]).compareTo(HALF_DAY) > 0) {
            from = d[0].minus(1, ChronoUnit.DAYS);
            parts.add(" UNION ALL SELECT " + negated + " FROM (")
                    .addAll(rows.apply(new SqlText().add(" AND " + column + " >= ? AND " + column + " < ?", from, p.startAt()))).add(") neg");
        } else {
            parts.add(" UNION ALL ").addAll(rows.apply(new SqlText().add(" AND " + column + " >= ? AND " + column + " < ?", p.startAt(), d[0])));
        }
        if (Duration.between(d[1], p.endAt()).compareTo(HALF_DAY) > 0) {
            to = d[1].plus(1, ChronoUnit.DAYS);
            parts.add(" UNION ALL SELECT " + negated + " FROM (")
                    .addAll(rows.apply(new SqlText().add(" AND " + column + " > ? AND " + column + " < ?", p.endAt(), to))).add(") neg");
        } else {
            parts.add(" UNION ALL ").addAll(rows.apply(new SqlText().add(" AND " + column + " >= ? AND " + column + " <= ?", d[1], p.endAt())));
        }
        return new SqlText().addAll(days.apply(new Instant[]{from, to})).addAll(parts);
    }

    private static final Duration HALF_DAY = Duration.ofHours(12);

    /** [first midnight, end) of those days; empty (first not before end) when there are none. */
    static Instant[] of(QueryParams p) {
        Instant first = p.startAt().truncatedTo(ChronoUnit.DAYS);
        if (first.isBefore(p.startAt())) first = first.plus(1, ChronoUnit.DAYS);
        Instant end = p.endAt().plusNanos(1_000).truncatedTo(ChronoUnit.DAYS); // the range's end is inclusive, events carry microseconds
        return new Instant[]{first, end};
    }
}
