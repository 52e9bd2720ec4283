package io.footfall.accelerate.duckdb;

import io.footfall.config.QueryOptions;
import io.footfall.query.EventScope;
import io.footfall.query.RevenueSessions;
import io.footfall.query.SessionPage;
import io.footfall.query.SqlText;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The revenue sessions list ({@link RevenueSessions}: one page of the sessions that paid in a currency within the range)
 * as the sessions list ranks it from the session rollup ({@link SessionList}), restricted to the paying sessions and with
 * the revenue list's own search. The paying sessions come from the payment rollup ({@code revenue_event}, V38: folded
 * custom events with their revenue and currency rows, plus the tail's, as {@link RevenueRollup#payments}) and, as the
 * reference, from payment data rows on other events (rare, read from {@code event_data}). The reference aggregates every
 * event of the range per session and hostname to rank them (~330 ms over 90 days of 10 M events).
 */
public final class RevenueSessionList {
    private RevenueSessionList() {
    }

    public static Map<String, Object> run(EventStore store, EventScope scope, String currency, QueryOptions options) throws SQLException {
        String upper = currency.toUpperCase(Locale.ROOT);
        SqlText paying = new SqlText().add("WITH ").addAll(RevenueRollup.payments(store, scope, upper))
                .add(" SELECT session_id FROM pay UNION ALL ").addAll(RevenueSessions.otherPayingSessions(scope, upper));
        String text = scope.params().search();
        SessionPage page = SessionList.run(store, scope, options, paying, alias -> RevenueSessions.search(alias, text));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", page.data());
        body.put("count", page.count());
        body.put("page", page.page());
        body.put("pageSize", page.pageSize());
        return body;
    }
}
