package io.footfall.report;

import io.footfall.query.EventScope;
import io.footfall.query.QueryParams;
import io.footfall.store.EventStore;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Report scopes for the rollup-versus-plain tests: a website's [from, to) with query parameters, parsed as a route would. */
final class ReportScopes {
    private ReportScopes() {
    }

    static EventScope of(UUID website, EventStore store, Instant from, Instant to, Map<String, String> parameters) {
        Map<String, String> q = new LinkedHashMap<>(parameters);
        q.put("startAt", Long.toString(from.toEpochMilli()));
        q.put("endAt", Long.toString(to.toEpochMilli() - 1));
        QueryParams params = QueryParams.parse(new QueryParams.Source() {
            @Override
            public String get(String name) {
                return q.get(name);
            }

            @Override
            public Set<String> names() {
                return q.keySet();
            }
        });
        return new EventScope(website, params, store.dialect());
    }
}
