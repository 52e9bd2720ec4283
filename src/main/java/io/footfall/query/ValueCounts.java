package io.footfall.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code [{value, total}]} rows, most common first. Values that print the same (a number and a string
 * {@code "40"}) are one row, as in Umami, which groups by the printed value.
 */
public final class ValueCounts {
    private ValueCounts() {
    }

    public static List<Map<String, Object>> merge(List<Map.Entry<String, Long>> counted) {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (var e : counted) totals.merge(e.getKey(), e.getValue(), Long::sum);
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(totals.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        List<Map<String, Object>> out = new ArrayList<>();
        for (var e : sorted) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("value", e.getKey());
            m.put("total", e.getValue());
            out.add(m);
        }
        return out;
    }
}
