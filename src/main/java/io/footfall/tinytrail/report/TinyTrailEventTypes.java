package io.footfall.tinytrail.report;

import io.footfall.query.SqlText;
import io.footfall.tinytrail.TinyTrailEventMapping;

import java.util.List;

/**
 * The way back from a stored event row to the TinyTrail event type it stands for, the reverse of
 * {@link TinyTrailEventMapping}: a pageview is {@code page_view}; a custom event named after one of the
 * tracker's automatic types ({@code scroll_25/50/75}, {@code close_tab}, {@code outbound_link}) is that type;
 * every other custom event (TinyTrail {@code custom} events and Umami's named events alike) is {@code custom},
 * whose name is the event's name. Link clicks, pixel hits and web-vitals rows have no TinyTrail type. So an
 * Umami event named {@code scroll_50} counts as TinyTrail's {@code scroll_50}: the two cannot be told apart.
 */
public final class TinyTrailEventTypes {
    /** Types the tracker sends by itself; stored as custom events of the same name. */
    public static final List<String> AUTOMATIC = List.of("close_tab", "scroll_25", "scroll_50", "scroll_75", "outbound_link");

    private static final String AUTOMATIC_LIST = "('" + String.join("', '", AUTOMATIC) + "')";

    private TinyTrailEventTypes() {
    }

    /** The condition for a pageview row (TinyTrail {@code page_view}, {@link TinyTrailTerms#PAGEVIEW}) over alias {@code a}. */
    public static String pageView(String a) {
        return "(" + TinyTrailTerms.PAGEVIEW.replace("e.", a + ".") + ")";
    }

    /** The condition for a row TinyTrail calls {@code custom}: a custom event not named after an automatic type. */
    public static String custom(String a) {
        return "(" + a + ".event_type = 2 AND (" + a + ".event_name IS NULL OR " + a + ".event_name NOT IN " + AUTOMATIC_LIST + "))";
    }

    /** The TinyTrail type of a row of alias {@code a}, as a text expression (null for rows without one). */
    public static String typeOf(String a) {
        return "(CASE WHEN " + a + ".event_type = 1 THEN '" + TinyTrailEventMapping.PAGE_VIEW + "'"
                + " WHEN " + a + ".event_type = 2 AND " + a + ".event_name IN " + AUTOMATIC_LIST + " THEN " + a + ".event_name"
                + " WHEN " + a + ".event_type = 2 THEN '" + TinyTrailEventMapping.CUSTOM + "' END)";
    }

    /**
     * The rows of alias {@code a} that a funnel step names: a path (starting with {@code /}) is a pageview of
     * that path; {@code page_view}, an automatic type or {@code custom} is every row of that type; any other
     * word is the custom event of that name (how a {@code custom} event's own name is asked for).
     */
    public static SqlText step(String a, String step) {
        if (step.startsWith("/")) return new SqlText().add("(" + pageView(a) + " AND " + a + ".url_path = ?)", step);
        if (step.equals(TinyTrailEventMapping.PAGE_VIEW)) return new SqlText().add(pageView(a));
        if (step.equals(TinyTrailEventMapping.CUSTOM)) return new SqlText().add(custom(a));
        return new SqlText().add("(" + a + ".event_type = 2 AND " + a + ".event_name = ?)", step);
    }
}
