package io.footfall.accelerate.postgres;

import io.footfall.config.QueryOptions;
import io.footfall.query.EventScope;
import io.footfall.query.WebsiteTotals;
import io.footfall.query.reference.ReferenceAnalytics;
import io.footfall.store.EventStore;

import java.sql.SQLException;

/**
 * The PostgreSQL accelerator: answers from this package's rollups where they cover the request, and is the
 * reference path everywhere else. Covered so far: {@code stats} without filters ({@link SpanStats}).
 * {@code PostgresAcceleratorEqualityTest} proves each answer equal to the reference's.
 */
public final class PostgresAcceleratedAnalytics extends ReferenceAnalytics {

    public PostgresAcceleratedAnalytics(EventStore store, QueryOptions options) {
        super(store, options);
    }

    @Override
    public WebsiteTotals stats(EventScope scope) throws SQLException {
        if (!scope.params().filters().isEmpty()) return super.stats(scope);
        return SpanStats.run(store, scope);
    }
}
