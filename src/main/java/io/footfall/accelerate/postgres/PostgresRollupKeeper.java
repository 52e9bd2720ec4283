package io.footfall.accelerate.postgres;

import io.footfall.event.CollectedHit;
import io.footfall.store.postgres.PostgresRollups;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The PostgreSQL store's hooks into the accelerator's rollup rows: {@link SpanRows} (and what it writes through), {@link SessionValueRows}, {@link VisitValueRows} and {@link PickerValueRows}. */
public final class PostgresRollupKeeper implements PostgresRollups {
    @Override
    public void add(Connection c, List<CollectedHit> hits) throws SQLException {
        SpanRows.add(c, hits);
        SessionValueRows.add(c, hits);
        VisitValueRows.add(c, hits);
        PickerValueRows.add(c, hits);
    }

    @Override
    public void withoutEvents(Connection c, Array eventIds) throws SQLException {
        SpanRows.withoutEvents(c, eventIds);
        SessionValueRows.withoutEvents(c, eventIds);
        VisitValueRows.withoutEvents(c, eventIds);
        PickerValueRows.withoutEvents(c, eventIds);
    }

    @Override
    public List<String> tables() {
        return java.util.stream.Stream.of(SpanRows.TABLES, SessionValueRows.TABLES, VisitValueRows.TABLES, PickerValueRows.TABLES).flatMap(List::stream).toList();
    }
}
