package io.footfall.query;

import io.footfall.store.Channels;

import java.util.Set;

/**
 * A {@code type} of the metrics endpoints and the SQL expression it groups by (over alias {@code e},
 * or {@code v} for a visit's entry/exit page).
 */
public record MetricType(String name, String expression, String typeCondition, boolean countsEvents) {

    private static final Set<String> EXTRA = Set.of("entry", "exit", "channel", "screen", "language", "event");

    /**
     * @throws QueryException for a missing or unknown type, and for {@code url} (Umami 3 calls it {@code path})
     */
    public static MetricType of(String name) {
        if (name == null) throw new QueryException("'type' is required");
        if (name.equals("url")) throw new QueryException("Unknown metric type 'url'; use 'path'");
        String column = FilterColumns.metricColumn(name);
        if (column == null && !EXTRA.contains(name)) throw new QueryException("Unknown metric type '" + name + "'");
        return switch (name) {
            case "entry", "exit" -> new MetricType(name, "v.url_path", EventScope.VIEWS, false);
            case "channel" -> new MetricType(name, "c.x", EventScope.VIEWS, false);
            case "language" -> new MetricType(name, "lower(left(e.language, 2))", EventScope.VIEWS, false);
            case "event" -> new MetricType(name, "e.event_name", EventScope.CUSTOM_EVENTS, true);
            // A URL without a query string stores '': the same missing value as NULL, as the rollups count it.
            case "query" -> new MetricType(name, "nullif(e.url_query, '')", EventScope.VIEWS, false);
            default -> new MetricType(name, "e." + column, EventScope.VIEWS, false);
        };
    }

    /**
     * The condition that a value {@code x} is present: metrics never answer a row for a missing value (no
     * {@code {x: null}} nor {@code ""} row), as real Umami; the rollups keep such rows for filters and totals.
     */
    public static String present(String x) {
        return x + " IS NOT NULL AND " + x + " <> ''";
    }

    private static final java.util.regex.Pattern EVENT_COLUMN = java.util.regex.Pattern.compile("\\be\\.(\\w+)");

    /** The stored column of alias e the expression reads (language: {@code language}), or null when it reads none. */
    public String column() {
        var m = EVENT_COLUMN.matcher(expression);
        return m.find() ? m.group(1) : null;
    }

    /** The expression with {@code value} in place of its {@link #column()}: to apply it to values grouped first. */
    public String expressionOver(String value) {
        return expression.replace("e." + column(), value);
    }

    public boolean isEntryExit() {
        return name.equals("entry") || name.equals("exit");
    }

    boolean isReferrer() {
        return name.equals("referrer") || name.equals("domain");
    }

    public boolean carriesCountry() {
        return name.equals("region") || name.equals("city");
    }

    /** The column a {@code search} filter narrows (Umami adds {@code type=c.search}); null when none. */
    public String searchColumn() {
        return name.equals("channel") ? null : FilterColumns.metricColumn(name) != null
                ? FilterColumns.metricColumn(name) : name.equals("event") ? "event_name" : null;
    }

    /** Types the rollups answer: entry/exit pages (visits) and the session attributes (sessions), the distinct id among them. */
    public boolean usesRollup() {
        return switch (name) {
            case "entry", "exit", "browser", "os", "device", "screen", "language", "country", "region", "city", "distinctId" -> true;
            default -> false;
        };
    }

    boolean isChannel() {
        return name.equals("channel");
    }

    /**
     * A leading {@code WITH} clause, or empty. Channels are classified once per distinct (referrer, query,
     * utm_medium, utm_source, hostname) combination in scope, not per row; the rows then join that small table.
     * None where the store keeps each row's channel ({@link io.footfall.store.Dialect#channelColumn}).
     */
    public SqlText with(EventScope scope) {
        SqlText s = new SqlText();
        if (!isChannel() || scope.dialect().channelColumn() != null) return s;
        return s.add("WITH c AS " + scope.dialect().materialized() + "(SELECT e.referrer_domain AS r, e.url_query AS q, e.utm_medium AS m, "
                        + "e.utm_source AS s, e.hostname AS h, " + Channels.sql(scope.dialect()) + " AS x FROM (SELECT DISTINCT "
                        + "coalesce(e.referrer_domain, '') AS referrer_domain, coalesce(e.url_query, '') AS url_query, "
                        + "coalesce(e.utm_medium, '') AS utm_medium, coalesce(e.utm_source, '') AS utm_source, "
                        + "coalesce(e.hostname, '') AS hostname FROM event e")
                .addAll(scope.where(typeCondition))
                .add(") e) ");
    }

    /** FROM clause with the entry/exit or channel join when needed. */
    public SqlText from(EventScope scope) {
        SqlText s = new SqlText().add(" FROM event e");
        if (isChannel() && scope.dialect().channelColumn() != null) {
            // The channel stored with each row (PostgreSQL V9), under the alias the classified join would give.
            s.add(" CROSS JOIN LATERAL (SELECT e." + scope.dialect().channelColumn() + " AS x) c");
        } else if (isChannel()) {
            s.add(" JOIN c ON c.r = coalesce(e.referrer_domain, '') AND c.q = coalesce(e.url_query, '')"
                    + " AND c.m = coalesce(e.utm_medium, '') AND c.s = coalesce(e.utm_source, '') AND c.h = coalesce(e.hostname, '')");
        }
        if (isEntryExit()) {
            var d = scope.dialect();
            String agg = name.equals("entry") ? d.firstBy("x.url_path", "x.created_at") : d.lastBy("x.url_path", "x.created_at");
            s.add(" JOIN (SELECT x.visit_id, " + agg + " AS url_path FROM event x")
                    .addAll(scope.rangeOnly("x", EventScope.VIEWS))
                    .add(" GROUP BY x.visit_id) v ON v.visit_id = e.visit_id");
        }
        return s;
    }

    /** Extra WHERE conditions of the type: referrers exclude empty values and the site's own hostname. */
    public String extraWhere() {
        if (isChannel()) return " AND c.x IS NOT NULL";
        if (!isReferrer()) return "";
        return " AND e.referrer_domain <> '' AND e.referrer_domain <> e.hostname"
                + " AND e.referrer_domain <> regexp_replace(e.hostname, '^www\\.', '')";
    }
}
