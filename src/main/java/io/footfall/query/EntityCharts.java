package io.footfall.query;

import io.footfall.store.Dialect;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The sparkline of one website, link or pixel in a list ({@code GET /api/websites|links|pixels/charts}): distinct
 * visitors per twelve-hour slot of local time (midnight to noon, noon to midnight) from the slot holding the range's
 * start to the one holding its end, and distinct visitors over the whole range. Raw events only: a slot's visitors
 * cannot be summed from hourly rollups.
 */
public final class EntityCharts {
    private EntityCharts() {
    }

    /** Visitors over the range, and per slot in time order. */
    public record Chart(long total, List<Long> values) {
    }

    public static Chart run(EventStore store, EventScope scope) throws SQLException {
        Dialect d = scope.dialect();
        QueryParams p = scope.params();
        LocalDateTime localStart = LocalDateTime.ofInstant(p.startAt(), p.zone());
        LocalDateTime localEnd = LocalDateTime.ofInstant(p.endAt(), p.zone());
        int slots = Math.max(1, slot(localEnd.toLocalDate(), localEnd.getHour(), localStart, localEnd) + 1);
        long[] values = new long[slots];
        SqlText perSlot = new SqlText().add("SELECT CAST(l.local_at AS DATE), CASE WHEN " + d.hourOfDay("l.local_at")
                        + " >= 12 THEN 1 ELSE 0 END, count(DISTINCT l.session_id) FROM (SELECT ")
                .addAll(scope.localTime("e.created_at", p.zone()))
                .add(" AS local_at, e.session_id FROM event e")
                .addAll(scope.where(EventScope.VIEWS))
                .add(") l GROUP BY 1, 2");
        SqlText total = new SqlText().add("SELECT count(DISTINCT e.session_id) FROM event e").addAll(scope.where(EventScope.VIEWS));
        return store.readTogether(() -> {
            store.read(c -> perSlot.list(c, rs -> {
                int i = slot(LocalDate.parse(rs.getString(1)), rs.getInt(2) * 12, localStart, localEnd);
                if (i >= 0 && i < slots) values[i] = rs.getLong(3);
                return null;
            }));
            long visitors = store.read(c -> total.list(c, rs -> rs.getLong(1)).getFirst());
            List<Long> list = new ArrayList<>(slots);
            for (long v : values) list.add(v);
            return new Chart(visitors, list);
        });
    }

    /** The index of the slot holding {@code day} at {@code hour}, counted from the slot holding the range's start. */
    private static int slot(LocalDate day, int hour, LocalDateTime localStart, LocalDateTime localEnd) {
        if (localEnd.isBefore(localStart)) return -1;
        long days = ChronoUnit.DAYS.between(localStart.toLocalDate(), day);
        return (int) (days * 2 + (hour >= 12 ? 1 : 0) - (localStart.getHour() >= 12 ? 1 : 0));
    }
}
