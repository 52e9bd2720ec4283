package io.footfall.accelerate.postgres;

import io.footfall.query.EventScope;
import io.footfall.query.Filter;
import io.footfall.query.MetricType;
import io.footfall.query.Operator;
import io.footfall.query.QueryParams;
import io.footfall.query.SqlText;

import java.util.ArrayList;
import java.util.List;

/**
 * Filters (and a metrics search) that read only the column a per-view value metric groups by, such as
 * {@code metrics?type=path&path=c.blog}. The reference keeps the views that pass them and counts, per value, the
 * sessions with such a view; a view passes exactly when its value does, so the answer is the unfiltered metric's
 * rows whose value passes: the conditions apply to the value, not to events. Only plain columns qualify (not the
 * referrer, whose filter also compares the page's host), and no group ({@code match=any}) or cohort.
 */
final class OwnValueFilters {
    private OwnValueFilters() {
    }

    /** The request's filters with its search as the reference adds it ({@code RawMetrics.searched}). */
    static List<Filter> of(QueryParams p, MetricType type) {
        List<Filter> all = new ArrayList<>(p.filters());
        if (p.search() != null && type.searchColumn() != null) {
            all.add(new Filter(type.name(), type.searchColumn(), Operator.CONTAINS, List.of(p.search())));
        }
        return all;
    }

    /** Whether every filter (and the search) reads only the kind's value. */
    static boolean cover(QueryParams p, MetricType type, ValueKind kind) {
        for (Filter f : of(p, type)) {
            if (f.cohort() != null || f.isGroup() || f.name().equals("referrer") || !kind.sql().equals("e." + f.column())) return false;
        }
        return true;
    }

    /** The filters as {@code AND} conditions over {@code alias.column} holding the value (empty without filters). */
    static SqlText over(EventScope scope, MetricType type, String alias, String column) {
        List<Filter> onValue = of(scope.params(), type).stream()
                .map(f -> new Filter(f.name(), column, f.operator(), f.values())).toList();
        return scope.withParams(scope.params().withFilters(onValue)).filters(alias);
    }
}
