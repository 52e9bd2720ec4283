package io.footfall.http.umami;

import io.footfall.http.ApiRequest;
import io.footfall.http.Authenticator;
import io.footfall.http.Reply;
import io.footfall.http.Router;
import io.footfall.http.StreamingBody;
import io.footfall.manage.WebsiteService;
import io.footfall.query.EventScope;
import io.footfall.query.ExportEventData;
import io.footfall.query.ExportSessionData;
import io.footfall.query.ExportWebsiteEvents;
import io.footfall.query.MetricType;
import io.footfall.query.SpreadsheetSafe;
import io.footfall.query.Analytics;
import io.footfall.query.Parallel;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * {@code GET /api/websites/:id/export}: a range of a website's data as a zip of CSV files, streamed.
 * <ul>
 * <li>By default, as Umami 3.1 answers (and {@code @umami/api-client} expects): JSON {@code {"zip": base64}} of
 * its seven summary tables ({@code events.csv}, {@code pages.csv}, ... with columns {@code x,y}).</li>
 * <li>With {@code Accept: application/zip}: the raw rows as Umami's newer export writes them
 * ({@code website_event.csv}, {@code session_data.csv}, {@code event_data.csv}), as a zip download.</li>
 * </ul>
 */
public final class ExportRoutes {
    /** Umami 3.1's summary files: name and metric type. */
    private static final List<Map.Entry<String, String>> SUMMARIES = List.of(Map.entry("events.csv", "event"),
            Map.entry("pages.csv", "path"), Map.entry("referrers.csv", "referrer"), Map.entry("browsers.csv", "browser"),
            Map.entry("os.csv", "os"), Map.entry("devices.csv", "device"), Map.entry("countries.csv", "country"));

    private final Authenticator auth;
    private final WebsiteReads reads;
    private final Analytics analytics;

    public ExportRoutes(Authenticator auth, WebsiteService websites, Analytics analytics) {
        this.auth = auth;
        this.reads = new WebsiteReads(auth.permissions(), websites, analytics);
        this.analytics = analytics;
    }

    public void register(Router r) {
        r.get("/api/websites/{websiteId}/export", auth.guard(this::export));
    }

    private Reply export(ApiRequest req) throws SQLException {
        EventScope scope = reads.scope(req);
        String accept = req.header("Accept");
        if (accept != null && accept.contains("application/zip")) {
            return StreamingBody.reply("application/zip", out -> rows(scope, out))
                    .header("Content-Disposition", "attachment; filename=\"export.zip\"");
        }
        // The summaries are small (at most a page of metric rows each): read before the status is sent, so a
        // failure is still an error answer.
        // The seven reads at once: each is a short read of its own, and apart they left a core idle most of the time.
        List<Parallel.Work<List<Map<String, Object>>>> reads7 = new ArrayList<>();
        for (Map.Entry<String, String> summary : SUMMARIES) {
            reads7.add(() -> reads.together(() -> analytics.metrics(scope, MetricType.of(summary.getValue()))));
        }
        List<List<Map<String, Object>>> answers = Parallel.all(reads7);
        Map<String, List<Map<String, Object>>> summaries = new LinkedHashMap<>();
        for (int i = 0; i < SUMMARIES.size(); i++) summaries.put(SUMMARIES.get(i).getKey(), answers.get(i));
        return StreamingBody.reply("application/json; charset=utf-8", out -> summariesAsJson(summaries, out));
    }

    private void rows(EventScope scope, OutputStream out) throws Exception {
        try (ExportZip zip = new ExportZip(out)) {
            zip.csv("website_event.csv", ExportWebsiteEvents.COLUMNS, p -> analytics.exportEvents(scope, p::printRecord));
            zip.csv("session_data.csv", ExportSessionData.COLUMNS, p -> analytics.exportSessionData(scope, p::printRecord));
            zip.csv("event_data.csv", ExportEventData.COLUMNS, p -> analytics.exportEventData(scope, p::printRecord));
        }
    }

    /** {@code {"zip":"<base64>"}}, the base64 written as the zip is produced. */
    private static void summariesAsJson(Map<String, List<Map<String, Object>>> summaries, OutputStream out) throws Exception {
        out.write("{\"zip\":\"".getBytes(StandardCharsets.US_ASCII));
        OutputStream base64 = Base64.getEncoder().wrap(new ExportZip.KeepOpen(out));
        try (ExportZip zip = new ExportZip(base64)) {
            for (Map.Entry<String, List<Map<String, Object>>> summary : summaries.entrySet()) {
                List<Map<String, Object>> rows = summary.getValue();
                // As Umami's CSV writer: no rows, no header either.
                zip.csv(summary.getKey(), rows.isEmpty() ? null : List.of("x", "y"), p -> {
                    for (Map<String, Object> row : rows) {
                        Object x = row.get("x");
                        p.printRecord(x instanceof String text ? SpreadsheetSafe.text(text) : x, row.get("y"));
                    }
                });
            }
        }
        base64.close();
        out.write("\"}".getBytes(StandardCharsets.US_ASCII));
    }
}
