package io.footfall.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.event.DataField;
import io.footfall.event.DataType;
import io.footfall.event.IsoTime;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns an event's or identify call's {@code data} object into typed fields as Umami stores them:
 * nested keys dotted (`a.b.c`), numbers with 4 decimals, booleans as "true"/"false", ISO dates as
 * dates, arrays as their JSON text. Keeps the first 50 properties and cuts strings at 500 characters.
 */
public final class EventDataFlattener {
    public static final int MAX_PROPERTIES = 50;
    public static final int MAX_STRING = 500;
    private static final int MAX_KEY = 500;
    private static final Pattern ISO_DATE = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})?)?$");
    private static final BigDecimal MAX_NUMBER = new BigDecimal("999999999999999.9999");

    private EventDataFlattener() {
    }

    public static List<DataField> flatten(JsonNode data) {
        if (data == null || !data.isObject()) return List.of();
        List<DataField> out = new ArrayList<>();
        walk("", data, out);
        return out;
    }

    private static void walk(String prefix, JsonNode node, List<DataField> out) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext() && out.size() < MAX_PROPERTIES) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                walk(key + ".", v, out);
                continue;
            }
            DataField f = field(cut(key, MAX_KEY), v);
            if (f != null) out.add(f);
        }
    }

    private static DataField field(String key, JsonNode v) {
        if (v.isNull() || v.isMissingNode()) return null;
        if (v.isBoolean()) return new DataField(key, DataType.BOOLEAN, v.asBoolean() ? "true" : "false", null, null);
        if (v.isNumber()) {
            BigDecimal n = v.decimalValue().setScale(4, RoundingMode.HALF_UP);
            if (n.abs().compareTo(MAX_NUMBER) > 0) {
                // Beyond DECIMAL(19,4): keep it readable as text rather than failing the whole hit.
                return new DataField(key, DataType.STRING, cut(v.asText(), MAX_STRING), null, null);
            }
            return new DataField(key, DataType.NUMBER, n.toPlainString(), n, null);
        }
        if (v.isArray()) return new DataField(key, DataType.ARRAY, cut(v.toString(), MAX_STRING), null, null);
        String s = v.asText();
        Instant date = isoDate(s);
        if (date != null) return new DataField(key, DataType.DATE, IsoTime.millis(date), null, date);
        return new DataField(key, DataType.STRING, cut(s, MAX_STRING), null, null);
    }

    static Instant isoDate(String s) {
        if (s.length() < 10 || s.length() > 40 || !ISO_DATE.matcher(s).matches()) return null;
        try {
            if (s.length() == 10) return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            String t = s.replace(' ', 'T');
            boolean hasZone = t.endsWith("Z") || t.matches(".*[+-]\\d{2}:?\\d{2}$");
            if (!hasZone) return java.time.LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            if (t.matches(".*[+-]\\d{4}$")) t = t.substring(0, t.length() - 2) + ":" + t.substring(t.length() - 2);
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
