package io.footfall.query;

import io.footfall.store.Dialect;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which event rows a statistics query reads: one website, one inclusive time range, the request's
 * filters, and an event-type condition. Renders the shared WHERE clause and the local-time bucket.
 */
public record EventScope(UUID websiteId, QueryParams params, Dialect dialect) {

    /** Pageviews, link clicks and pixel hits: what Umami counts as views (custom events and web vitals are not). */
    public static final String VIEWS = "e.event_type IN (1, 3, 4)";
    public static final String CUSTOM_EVENTS = "e.event_type = 2";
    public static final String ANY_TYPE = "1 = 1";
    /** Everything but web-vitals rows. */
    public static final String ACTIVITY = "e.event_type <> 5";

    public EventScope withParams(QueryParams p) {
        return new EventScope(websiteId, p, dialect);
    }

    /** {@code WHERE} over alias {@code e} for this website, range, type condition and all filters. */
    public SqlText where(String typeCondition) {
        SqlText s = new SqlText().add(" WHERE e.website_id = ? AND e.created_at BETWEEN ? AND ? AND " + typeCondition,
                websiteId, params.startAt(), params.endAt());
        for (Filter f : params.filters()) s.add(" AND ").addAll(condition(f));
        return s;
    }

    /** The request's filters as {@code AND}-joined conditions over alias {@code e}, or null when there are none. */
    public SqlText filterCondition() {
        if (params.filters().isEmpty()) return null;
        SqlText s = new SqlText().add("(");
        boolean first = true;
        for (Filter f : params.filters()) {
            if (!first) s.add(" AND ");
            s.add("(").addAll(condition(f)).add(")");
            first = false;
        }
        return s.add(")");
    }

    /** The range conditions only (no filters), for sub-queries such as a visit's entry page. */
    public SqlText rangeOnly(String alias, String typeCondition) {
        return new SqlText().add(" WHERE " + alias + ".website_id = ? AND " + alias + ".created_at BETWEEN ? AND ? AND "
                + typeCondition.replace("e.", alias + "."), websiteId, params.startAt(), params.endAt());
    }

    private SqlText condition(Filter f) {
        return condition(f, "e");
    }

    /** The request's filters as {@code AND} conditions over {@code alias} (each starting with " AND "). */
    public SqlText filters(String alias) {
        SqlText s = new SqlText();
        for (Filter f : params.filters()) s.add(" AND ").addAll(condition(f, alias));
        return s;
    }

    private SqlText condition(Filter f, String alias) {
        if (f.cohort() != null) return cohortCondition(f.cohort(), alias);
        if (f.isGroup()) {
            SqlText any = new SqlText().add("(");
            for (int i = 0; i < f.anyOf().size(); i++) {
                any.add(i == 0 ? "(" : " OR (").addAll(condition(f.anyOf().get(i), alias)).add(")");
            }
            return any.add(")");
        }
        String col = alias + "." + f.column();
        SqlText s = new SqlText();
        switch (f.operator()) {
            case EQUALS, NOT_EQUALS -> {
                s.add(col + (f.operator() == Operator.EQUALS ? " IN (" : " NOT IN ("));
                for (int i = 0; i < f.values().size(); i++) s.add(i == 0 ? "?" : ", ?", f.values().get(i));
                s.add(")");
            }
            case CONTAINS -> s.add(dialect.containsIgnoreCase(col, f.value()), dialect.containsPattern(f.value()));
            case DOES_NOT_CONTAIN -> s.add("NOT " + dialect.containsIgnoreCase(col, f.value()), dialect.containsPattern(f.value()));
            case REGEX -> s.add(dialect.regexMatches(col), dialect.regexPattern(f.value()));
            case NOT_REGEX -> s.add("NOT " + dialect.regexMatches(col), dialect.regexPattern(f.value()));
            case SET -> s.add("(" + col + " IS NOT NULL AND " + col + " <> '')");
            case NOT_SET -> s.add("(" + col + " IS NULL OR " + col + " = '')");
            default -> throw new QueryException("operator " + f.operator().code() + " is not supported here");
        }
        if (f.name().equals("referrer")) {
            // As Umami: filtering by referrer never matches the site's own pages as referrers.
            s.add(" AND (" + alias + ".referrer_domain IS NULL OR " + alias + ".referrer_domain <> regexp_replace(" + alias
                    + ".hostname, '^www\\.', ''))");
        }
        return s;
    }

    /** The row's session is one of the cohort's: it has an event (not a performance row) in the cohort's range passing its conditions. */
    private SqlText cohortCondition(Cohort cohort, String alias) {
        SqlText s = new SqlText().add(alias + ".session_id IN (SELECT c.session_id FROM event c WHERE c.website_id = ? "
                + "AND c.created_at BETWEEN ? AND ? AND c.event_type <> 5", websiteId, cohort.start(), cohort.end());
        for (Filter f : cohort.conditions()) s.add(" AND ").addAll(condition(f, "c"));
        return s.add(")");
    }

    /**
     * The start of the row's time bucket as local wall time in the request's zone. Offsets come from
     * the zone rules for the queried range (a CASE over its few DST transitions), which keeps the
     * per-row work to arithmetic instead of a time-zone library call.
     */
    public SqlText bucket(String column) {
        String[] around = dialect.truncate(params.unit().sqlName(), "\u0001").split("\u0001", -1);
        return new SqlText().add(around[0]).addAll(localTime(column, params.zone())).add(around[1]);
    }

    public SqlText localTime(String column, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        Instant from = params.startAt();
        Instant to = params.endAt();
        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        ZoneOffsetTransition t = rules.nextTransition(from);
        while (t != null && !t.getInstant().isAfter(to) && transitions.size() < 1000) {
            transitions.add(t);
            t = rules.nextTransition(t.getInstant());
        }
        ZoneOffset first = rules.getOffset(from);
        if (transitions.isEmpty()) return new SqlText().add(dialect.plusSeconds(column, first.getTotalSeconds()));
        SqlText s = new SqlText().add("CASE");
        ZoneOffset current = first;
        for (ZoneOffsetTransition tr : transitions) {
            s.add(" WHEN " + column + " < ? THEN " + dialect.plusSeconds(column, current.getTotalSeconds()), tr.getInstant());
            current = tr.getOffsetAfter();
        }
        return s.add(" ELSE " + dialect.plusSeconds(column, current.getTotalSeconds()) + " END");
    }
}
