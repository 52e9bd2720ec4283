package io.footfall.query;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Which event column each filter and metric name reads (Umami's FILTER_COLUMNS, plus session attributes). */
public final class FilterColumns {
    private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("path", "url_path");
        COLUMNS.put("entry", "url_path");
        COLUMNS.put("exit", "url_path");
        COLUMNS.put("referrer", "referrer_domain");
        COLUMNS.put("domain", "referrer_domain");
        COLUMNS.put("hostname", "hostname");
        COLUMNS.put("distinctId", "distinct_id");
        COLUMNS.put("title", "page_title");
        COLUMNS.put("query", "url_query");
        COLUMNS.put("os", "os");
        COLUMNS.put("browser", "browser");
        COLUMNS.put("device", "device");
        COLUMNS.put("country", "country");
        COLUMNS.put("region", "region");
        COLUMNS.put("city", "city");
        COLUMNS.put("language", "language");
        COLUMNS.put("event", "event_name");
        COLUMNS.put("tag", "tag");
        COLUMNS.put("utmSource", "utm_source");
        COLUMNS.put("utmMedium", "utm_medium");
        COLUMNS.put("utmCampaign", "utm_campaign");
        COLUMNS.put("utmContent", "utm_content");
        COLUMNS.put("utmTerm", "utm_term");
    }

    /** Names whose metric counts sessions by a session attribute (Umami's SESSION_COLUMNS). */
    public static final Set<String> SESSION = Set.of("browser", "os", "device", "screen", "language", "country",
            "city", "region", "distinctId");

    private FilterColumns() {
    }

    /** The column for a filter name, or null when the name is not a filter. */
    public static String column(String name) {
        return COLUMNS.get(name);
    }

    /** The column a metric type groups by: the filter column, or the column of the same name (screen). */
    public static String metricColumn(String type) {
        return "screen".equals(type) ? "screen" : COLUMNS.get(type);
    }

    public static Set<String> names() {
        return COLUMNS.keySet();
    }
}
