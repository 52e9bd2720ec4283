package io.footfall.report;

import io.footfall.query.EventScope;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;

/** The payments from a backend's rollup ({@link ReportAccelerator#revenue}): the revenue report's, and the attribution's with a currency. */
public interface RevenuePieces {
    /** Revenue: CTE {@code pay} of the range's payments in {@code currency}, and what {@link #touch} reads with it. */
    SqlText pay(EventStore store, EventScope scope, String currency) throws SQLException;

    /** Attribution with a currency: CTE {@code pay} of the payments alone, as the plain {@code Payments.cte}. */
    SqlText payments(EventStore store, EventScope scope, String currency) throws SQLException;

    /** Revenue: the CTEs after {@link #pay} that the report's answer reads. */
    SqlText touch(EventScope scope);
}
