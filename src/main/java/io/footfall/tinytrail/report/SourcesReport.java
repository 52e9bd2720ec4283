package io.footfall.tinytrail.report;

import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.List;

/**
 * {@code /api/v1/reports/sources}: visits by their landing pageview's channel, referrer domain or UTM triple,
 * most visits first. {@code domain} lists only visits referred by another site; {@code utm} only visits whose
 * landing URL carries at least one of utm_source, utm_medium, utm_campaign. With a content group: the visits
 * that viewed one of its paths, still attributed by their landing pageview.
 */
public final class SourcesReport {
    public enum GroupBy {
        CHANNEL, DOMAIN, UTM;

        public static GroupBy of(String text) {
            for (GroupBy g : values()) {
                if (g.name().toLowerCase(java.util.Locale.ROOT).equals(text)) return g;
            }
            return null;
        }
    }

    /** One row: the channel or the domain in {@code key}, or the UTM triple (members null when absent). */
    public record Row(String key, String utmSource, String utmMedium, String utmCampaign, long visits) {
    }

    private SourcesReport() {
    }

    public static List<Row> rows(EventStore store, ReportScope scope, GroupBy groupBy, Paging paging) throws SQLException {
        SqlText sql = new SqlText().add("SELECT ");
        String tail;
        String[] columns;
        switch (groupBy) {
            case CHANNEL -> {
                sql.add(TinyTrailChannels.sql(scope.dialect()) + " AS k, NULL AS s, NULL AS m, NULL AS c");
                columns = new String[]{"referrer_domain", "hostname", "utm_medium"};
                tail = " GROUP BY 1 ORDER BY 5 DESC, 1";
            }
            case DOMAIN -> {
                sql.add("e.referrer_domain AS k, NULL AS s, NULL AS m, NULL AS c");
                columns = new String[]{"referrer_domain", "hostname"};
                tail = " AND " + TinyTrailTerms.EXTERNAL_REFERRER + " GROUP BY 1 ORDER BY 5 DESC, 1";
            }
            default -> {
                sql.add("NULL AS k, nullif(e.utm_source, '') AS s, nullif(e.utm_medium, '') AS m, nullif(e.utm_campaign, '') AS c");
                columns = new String[]{"utm_source", "utm_medium", "utm_campaign"};
                tail = " AND (coalesce(e.utm_source, '') <> '' OR coalesce(e.utm_medium, '') <> '' OR coalesce(e.utm_campaign, '') <> '')"
                        + " GROUP BY 2, 3, 4 ORDER BY 5 DESC, 2 NULLS FIRST, 3 NULLS FIRST, 4 NULLS FIRST";
            }
        }
        // Visits are counted per distinct landing values first: the channel rules then run on a few rows, not per visit.
        String list = String.join(", ", columns);
        sql.add(", CAST(sum(e.n) AS BIGINT) FROM (SELECT " + list + ", count(*) AS n FROM (")
                .addAll(ReportSql.landings(scope, columns)).add(") e WHERE 1 = 1").addAll(scope.visitInGroup("e"))
                .add(" GROUP BY " + list + ") e WHERE 1 = 1").add(tail).addAll(ReportSql.page(paging));
        return ReportSql.list(store, sql, rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getLong(5)));
    }
}
