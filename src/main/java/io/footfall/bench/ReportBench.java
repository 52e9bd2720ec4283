package io.footfall.bench;

import io.footfall.FootfallServer;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Statement;
import java.util.UUID;

/**
 * The reports in the query bench: revenue data for the bench site's {@code signup} events (added once to a data set
 * generated without it), and the median time of each {@code POST /api/reports/*} over 90 and 7 days.
 */
final class ReportBench {
    /** name, path, parameters beyond the range (JSON members). */
    static final String[][] REPORTS = {
            {"funnel 3 steps", "funnel", "\"steps\":[{\"type\":\"path\",\"value\":\"/\"},{\"type\":\"path\",\"value\":\"/pricing\"},"
                    + "{\"type\":\"event\",\"value\":\"signup\"}],\"window\":60"},
            {"funnel wildcard", "funnel", "\"steps\":[{\"type\":\"path\",\"value\":\"/blog*\"},{\"type\":\"path\",\"value\":\"/pricing\"}],\"window\":30"},
            {"retention", "retention", "\"timezone\":\"Europe/Berlin\""},
            {"journey 5", "journey", "\"steps\":5"},
            {"journey 3 start /", "journey", "\"steps\":3,\"startStep\":\"/\""},
            {"goal path", "goal", "\"type\":\"path\",\"value\":\"/pricing\""},
            {"goal event", "goal", "\"type\":\"event\",\"value\":\"signup\""},
            {"utm", "utm", ""},
            {"revenue USD", "revenue", "\"currency\":\"USD\",\"timezone\":\"Europe/Berlin\",\"unit\":\"day\""},
            {"attribution first-click", "attribution", "\"model\":\"first-click\",\"type\":\"path\",\"step\":\"/pricing\""},
            {"attribution last-click USD", "attribution", "\"model\":\"last-click\",\"type\":\"event\",\"step\":\"signup\",\"currency\":\"USD\""},
            {"breakdown os x country", "breakdown", "\"fields\":[\"os\",\"country\"]"},
    };

    private ReportBench() {
    }

    static void ensureRevenueData(FootfallServer server, UUID site) throws Exception {
        long existing = server.stores().events().read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM event_data WHERE data_key = 'currency'")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        if (existing > 0) return;
        server.stores().connections().write(c -> {
            try (Statement st = c.createStatement()) {
                String paid = "FROM event WHERE website_id = '" + site + "' AND event_type = 2 AND event_name = 'signup'";
                st.execute("INSERT INTO event_data SELECT website_id, event_id, 'revenue', NULL, (abs(hash(event_id)) % 20000) / 100.0, "
                        + "NULL, 2, created_at, event_type, event_name, 0 " + paid);
                st.execute("INSERT INTO event_data SELECT website_id, event_id, 'currency', "
                        + "CASE WHEN abs(hash(event_id)) % 3 = 0 THEN 'EUR' ELSE 'USD' END, NULL, NULL, 1, created_at, event_type, event_name, 0 " + paid);
            }
            // written straight into the store, past the folds: the payment rollup is rebuilt from it
            io.footfall.accelerate.duckdb.RevenueSpans.rebuildAll(c);
            return null;
        });
    }

    static void measure(TimedCalls calls, String base, String token, UUID site, long endMs, int runs, String only) throws Exception {
        for (String[] r : REPORTS) {
            if (only != null && !("reports/" + r[1]).startsWith(only)) continue;
            double[] medians = new double[2];
            int k = 0;
            for (int days : new int[]{90, 7}) {
                String body = "{\"websiteId\":\"" + site + "\",\"type\":\"" + r[1] + "\",\"filters\":{},\"parameters\":{\"startDate\":"
                        + (endMs - days * 86_400_000L) + ",\"endDate\":" + (endMs - 1) + (r[2].isEmpty() ? "" : "," + r[2]) + "}}";
                medians[k++] = calls.median(HttpRequest.newBuilder(URI.create(base + "/api/reports/" + r[1]))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), runs);
            }
            System.out.printf("%-45s %10s %10s%n", "reports/" + r[0], TimedCalls.ms(medians[0]), TimedCalls.ms(medians[1]));
        }
    }
}
