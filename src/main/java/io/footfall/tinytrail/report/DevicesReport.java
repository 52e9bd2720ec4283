package io.footfall.tinytrail.report;

import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/reports/devices}: visits per device type, browser family, OS family and screen bucket
 * ({@link TinyTrailTerms}) of their landing pageview, most visits first (ties by name). With a content group:
 * the visits that viewed one of its paths.
 */
public final class DevicesReport {
    public enum Breakdown { DEVICE_TYPE, BROWSER, OS, SCREEN }

    public record Row(String value, long visits) {
    }

    private DevicesReport() {
    }

    /** Every breakdown's rows, in {@link Breakdown} order. */
    public static Map<Breakdown, List<Row>> rows(EventStore store, ReportScope scope) throws SQLException {
        // Visits per distinct (browser, os, device, screen) first: the folding rules then run on a few rows.
        SqlText sql = new SqlText().add("WITH v AS " + scope.dialect().materialized() + "(SELECT browser, os, device, screen, "
                        + "count(*) AS n FROM (")
                .addAll(ReportSql.landings(scope, "browser", "os", "device", "screen"))
                .add(") e WHERE 1 = 1").addAll(scope.visitInGroup("e")).add(" GROUP BY browser, os, device, screen)");
        Breakdown[] kinds = Breakdown.values();
        for (int i = 0; i < kinds.length; i++) {
            sql.add(i == 0 ? " " : " UNION ALL ").add("SELECT " + i + " AS kind, ");
            if (kinds[i] == Breakdown.SCREEN) sql.addAll(TinyTrailTerms.screenBucket(scope.dialect()));
            else sql.add(switch (kinds[i]) {
                case DEVICE_TYPE -> TinyTrailTerms.deviceType();
                case BROWSER -> TinyTrailTerms.browserFamily();
                default -> TinyTrailTerms.osFamily();
            });
            sql.add(" AS x, CAST(sum(e.n) AS BIGINT) AS n FROM v e GROUP BY 2");
        }
        sql.add(" ORDER BY 1, 3 DESC, 2");
        Map<Breakdown, List<Row>> out = new LinkedHashMap<>();
        for (Breakdown b : kinds) out.put(b, new ArrayList<>());
        ReportSql.list(store, sql, rs -> out.get(kinds[rs.getInt(1)]).add(new Row(rs.getString(2), rs.getLong(3))));
        return out;
    }
}
