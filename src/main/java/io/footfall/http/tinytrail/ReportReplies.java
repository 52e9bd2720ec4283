package io.footfall.http.tinytrail;

import io.footfall.http.Reply;
import io.footfall.query.SpreadsheetSafe;
import io.footfall.tinytrail.report.ReportPeriod;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How reports answer: the JSON data in the envelope, starting with {@code period: {start, end}} (paginated ones
 * then {@code page} and {@code per_page}), or a CSV download.
 *
 * <p>CSV: {@code Content-Type: text/csv; charset=utf-8}, {@code Content-Disposition: attachment;
 * filename="<report>-<start>-to-<end>.csv"}, a header row with the documented columns, CRLF line ends, and
 * RFC 4180 quoting only where needed (a cell holding a comma, a double quote, CR or LF is put in double quotes,
 * its double quotes doubled); text a spreadsheet would run as a formula gets a leading {@code '} ({@link SpreadsheetSafe}),
 * null is an empty cell, and numbers are written plainly (42.5, 100, never 1.0E2).
 */
final class ReportReplies {
    private ReportReplies() {
    }

    /** {@code {period:{start, end}}}, for the report to add its parts to (in order). */
    static Map<String, Object> data(ReportPeriod period) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("period", period(period));
        return data;
    }

    /** {@code {period, page, per_page}}, for a paginated report to add its list(s) to. */
    static Map<String, Object> pagedData(ReportRequest q) {
        Map<String, Object> data = data(q.period());
        data.put("page", q.paging().page());
        data.put("per_page", q.paging().perPage());
        return data;
    }

    /** The common paginated answer {@code {period, page, per_page, rows}}. */
    static Reply paged(ReportRequest q, List<?> rows) {
        Map<String, Object> data = pagedData(q);
        data.put("rows", rows);
        return Envelope.ok(data);
    }

    static Map<String, Object> period(ReportPeriod p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", p.start().toString());
        m.put("end", p.end().toString());
        return m;
    }

    /** A JSON row: alternating names and values, in order. */
    static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        return m;
    }

    /** The CSV download of a report: {@code columns} as the header, then each row's values in that order. */
    static Reply csv(String report, ReportPeriod period, List<String> columns, List<? extends List<?>> rows) {
        StringBuilder out = new StringBuilder();
        line(out, columns);
        for (List<?> row : rows) line(out, row);
        String name = report + "-" + period.start() + "-to-" + period.end() + ".csv";
        return Reply.raw(200, "text/csv; charset=utf-8", out.toString().getBytes(StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }

    /** The CSV rows of JSON rows: their values in order (the JSON names are the documented columns). */
    static List<List<Object>> values(List<Map<String, Object>> rows) {
        List<List<Object>> out = new ArrayList<>(rows.size());
        for (Map<String, Object> r : rows) out.add(new ArrayList<>(r.values()));
        return out;
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append(',');
            String c = cell(cells.get(i));
            boolean quote = c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\r') >= 0 || c.indexOf('\n') >= 0;
            out.append(quote ? '"' + c.replace("\"", "\"\"") + '"' : c);
        }
        out.append("\r\n");
    }

    static String cell(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        if (v instanceof Number n) return n.toString();
        return SpreadsheetSafe.text(v.toString());
    }
}
