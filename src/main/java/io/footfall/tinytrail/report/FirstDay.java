package io.footfall.tinytrail.report;

import io.footfall.query.SqlText;
import io.footfall.query.WebsiteDateRange;
import io.footfall.store.EventStore;
import io.footfall.store.Sql;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/** The UTC day of a website's first event (where {@code period=all} starts), null when it has none. */
public final class FirstDay {
    private FirstDay() {
    }

    public static LocalDate of(EventStore store, UUID websiteId, boolean includeBots) throws SQLException {
        SqlText sql = new SqlText().add("SELECT min(e.created_at) FROM " + EventSource.table(includeBots)
                + " e WHERE e.website_id = ? AND e.created_at >= ?", websiteId, WebsiteDateRange.EARLIEST);
        Instant first = ReportSql.list(store, sql, rs -> Sql.instant(rs, 1)).getFirst();
        return first == null ? null : LocalDate.ofInstant(first, ZoneOffset.UTC);
    }
}
