package io.footfall.report;

import io.footfall.query.EventScope;
import io.footfall.query.QueryException;
import io.footfall.query.SqlText;

import java.util.Locale;

/**
 * The payments in one currency as a CTE named {@code pay}: custom events passing the filters whose data carries a non-zero
 * number {@code revenue} and a string {@code currency} (compared case-insensitively), as Umami records revenue.
 * Columns: event_id, session_id, visit_id, event_name, url_path, created_at, country, region, revenue.
 */
final class Payments {
    private Payments() {
    }

    static String currency(String raw) {
        if (raw == null || !raw.matches("[A-Za-z]{3}")) throw new QueryException("'currency' must be a 3-letter ISO 4217 code");
        return raw.toUpperCase(Locale.ROOT);
    }

    static SqlText cte(EventScope scope, String currency) {
        return cte(scope, currency, false);
    }

    /** {@code materialized}: computed once for a statement that reads it several times. */
    static SqlText cte(EventScope scope, String currency, boolean materialized) {
        var p = scope.params();
        return new SqlText().add("pay AS " + (materialized ? scope.dialect().materialized() : "") + "(SELECT e.event_id, e.session_id, e.visit_id, e.event_name, e.url_path, e.created_at,"
                        + " e.country, e.region, r.number_value AS revenue FROM event e"
                        + " JOIN event_data r ON r.website_id = e.website_id AND r.event_id = e.event_id"
                        + " JOIN event_data cur ON cur.website_id = e.website_id AND cur.event_id = e.event_id")
                .addAll(scope.where("e.event_type = 2"))
                .add(" AND r.website_id = ? AND r.created_at BETWEEN ? AND ? AND r.data_key = 'revenue' AND r.number_value <> 0"
                                + " AND cur.website_id = ? AND cur.created_at BETWEEN ? AND ? AND cur.data_key = 'currency'"
                                + " AND upper(cur.string_value) = ?)",
                        scope.websiteId(), p.startAt(), p.endAt(), scope.websiteId(), p.startAt(), p.endAt(), currency);
    }
}
