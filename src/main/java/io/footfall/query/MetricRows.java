package io.footfall.query;

import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics' answer {@code [{x, y}]} (region and city rows also {@code country}), shared by the backends' readers:
 * a statement selecting (x, y[, country]) ends in {@link #rankedPage} and is read with {@link #read}.
 */
public final class MetricRows {
    private MetricRows() {
    }

    /** {@code ORDER BY 2 DESC, 1[, 3] LIMIT ? OFFSET ?}: most y first, ties by value (and country), the request's page. */
    public static SqlText rankedPage(QueryParams p, boolean withCountry) {
        return new SqlText().add(" ORDER BY 2 DESC, 1" + (withCountry ? ", 3" : "") + " LIMIT ? OFFSET ?", p.limit(), p.offset());
    }

    /** The rows of a statement selecting (x, y[, country]), in its order. */
    public static List<Map<String, Object>> read(EventStore store, SqlText sql, boolean withCountry) throws SQLException {
        return store.read(c -> sql.list(c, rs -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("x", rs.getString(1));
            row.put("y", rs.getLong(2));
            if (withCountry) row.put("country", rs.getString(3));
            return row;
        }));
    }
}
