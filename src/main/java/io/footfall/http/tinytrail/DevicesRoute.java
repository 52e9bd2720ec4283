package io.footfall.http.tinytrail;

import io.footfall.http.Reply;
import io.footfall.store.EventStore;
import io.footfall.tinytrail.report.DevicesReport;
import io.footfall.tinytrail.report.DevicesReport.Breakdown;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/reports/devices}, not paginated: {@code {period, device_types, browsers, os_families,
 * screen_resolutions}}. CSV: {@code deviceType, visits}, the device types only (as documented).
 */
final class DevicesRoute {
    static final List<String> CSV_COLUMNS = List.of("deviceType", "visits");

    private DevicesRoute() {
    }

    static Reply answer(ReportRequest q, EventStore events) throws Exception {
        Map<Breakdown, List<DevicesReport.Row>> rows = DevicesReport.rows(events, q.scope());
        List<Map<String, Object>> devices = list(rows.get(Breakdown.DEVICE_TYPE), "deviceType");
        if (q.csv()) return ReportReplies.csv("devices", q.period(), CSV_COLUMNS, ReportReplies.values(devices));
        Map<String, Object> data = ReportReplies.data(q.period());
        data.put("device_types", devices);
        data.put("browsers", list(rows.get(Breakdown.BROWSER), "browserFamily"));
        data.put("os_families", list(rows.get(Breakdown.OS), "osFamily"));
        data.put("screen_resolutions", list(rows.get(Breakdown.SCREEN), "bucket"));
        return Envelope.ok(data);
    }

    private static List<Map<String, Object>> list(List<DevicesReport.Row> rows, String name) {
        return rows.stream().map(r -> ReportReplies.row(name, r.value(), "visits", r.visits())).toList();
    }
}
