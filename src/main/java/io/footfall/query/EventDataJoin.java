package io.footfall.query;

/**
 * Events joined to their data rows ({@code e} and {@code d}) for the event data queries. The data rows'
 * own time bounds repeat the range: a data row is written with its event's time, and bounding both
 * sides lets the engine skip data blocks outside the range instead of probing them all (2–3× faster).
 */
final class EventDataJoin {
    static final String FROM = " FROM event e JOIN event_data d ON d.website_id = e.website_id AND d.event_id = e.event_id";

    private EventDataJoin() {
    }

    /**
     * True when the data rows alone can answer: every filter is the event name, which the rows carry
     * (V8) with their event's type; then {@link #dataOnly} replaces {@link #FROM} and {@link #where}, and
     * the query reads {@code d.event_name} instead of {@code e.event_name}.
     */
    static boolean dataSuffices(QueryParams p) {
        return p.filters().stream().allMatch(f -> f.column().equals("event_name"));
    }

    /** FROM and WHERE over the data rows only (website, range, type condition and event-name filters on alias d). */
    static SqlText dataOnly(EventScope scope, String typeCondition) {
        QueryParams p = scope.params();
        return new SqlText().add(" FROM event_data d WHERE d.website_id = ? AND d.created_at BETWEEN ? AND ? AND "
                + typeCondition.replace("e.", "d."), scope.websiteId(), p.startAt(), p.endAt()).addAll(scope.filters("d"));
    }

    /** The scope's WHERE (website, range, type condition, filters) plus the data rows' website and range. */
    static SqlText where(EventScope scope, String typeCondition) {
        QueryParams p = scope.params();
        return scope.where(typeCondition).add(" AND d.website_id = ? AND d.created_at BETWEEN ? AND ?",
                scope.websiteId(), p.startAt(), p.endAt());
    }

    /** FROM and WHERE for an event data query: the data rows alone when they suffice, else joined to events. */
    static SqlText fromWhere(EventScope scope, String typeCondition) {
        if (dataSuffices(scope.params())) return dataOnly(scope, typeCondition);
        return new SqlText().add(FROM).addAll(where(scope, typeCondition));
    }

    /** The event-name column for {@link #fromWhere}'s choice. */
    static String eventName(QueryParams p) {
        return dataSuffices(p) ? "d.event_name" : "e.event_name";
    }
}
