package io.footfall.query;

import io.footfall.store.Dialect;

/**
 * The {@code search} of the sessions and events lists, as conditions each starting with {@code AND}: a
 * case-insensitive substring, its {@code %}, {@code _} and {@code \} literal (as the contains filters and
 * the metrics search), spelled by {@link Dialect#containsIgnoreCase} so reference and accelerator agree.
 */
public final class TextSearch {
    private TextSearch() {
    }

    /** Sessions: the distinct id, city, browser, OS or device of {@code alias} contains the text. */
    public static SqlText sessions(Dialect d, String alias, String text) {
        String like = d.containsPattern(text);
        return new SqlText().add(" AND (" + d.containsIgnoreCase(alias + ".distinct_id", text)
                + " OR " + d.containsIgnoreCase(alias + ".city", text)
                + " OR " + d.containsIgnoreCase(alias + ".browser", text)
                + " OR " + d.containsIgnoreCase(alias + ".os", text)
                + " OR " + d.containsIgnoreCase(alias + ".device", text) + ")", like, like, like, like, like);
    }

    /** Events: a custom event's name or a pageview's path contains the text. */
    public static SqlText events(Dialect d, String alias, String text) {
        String like = d.containsPattern(text);
        return new SqlText().add(" AND ((" + d.containsIgnoreCase(alias + ".event_name", text) + " AND " + alias
                + ".event_type = 2) OR (" + d.containsIgnoreCase(alias + ".url_path", text) + " AND " + alias + ".event_type = 1))",
                like, like);
    }
}
