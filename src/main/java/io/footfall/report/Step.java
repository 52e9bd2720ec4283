package io.footfall.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.query.QueryException;
import io.footfall.query.SqlText;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of a funnel, goal or attribution: a page ({@code path}, matched on {@code url_path}) or a custom event
 * ({@code event}, matched on {@code event_name}). A value starting or ending with {@code *} matches as a prefix,
 * suffix or substring there, as Umami's funnel does; anywhere else {@code *} is an ordinary character.
 */
public record Step(String type, String value) {
    static final int MAX_VALUE_LENGTH = 500;

    /** Reads {@code {type, value}}; throws {@link QueryException} for a missing or unknown type or value. */
    static Step parse(JsonNode node, String where) {
        if (node == null || !node.isObject()) throw new QueryException("'" + where + "' must be an object {type, value}");
        return of(ReportInputs.text(node, "type", where + ".type"), ReportInputs.text(node, "value", where + ".value"), where);
    }

    static Step of(String type, String value, String where) {
        if (!type.equals("path") && !type.equals("event")) throw new QueryException("'" + where + ".type' must be path or event");
        if (value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
            throw new QueryException("'" + where + ".value' must be 1 to " + MAX_VALUE_LENGTH + " characters");
        }
        return new Step(type, value);
    }

    /** Reads an array of steps, between {@code min} and {@code max} of them. */
    static List<Step> list(JsonNode node, int min, int max) {
        if (node == null || !node.isArray() || node.size() < min || node.size() > max) {
            throw new QueryException("'steps' must be an array of " + min + " to " + max + " steps");
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) steps.add(parse(node.get(i), "steps[" + i + "]"));
        return List.copyOf(steps);
    }

    String column() {
        return type.equals("path") ? "url_path" : "event_name";
    }

    /** The match of this step over {@code alias}: equality, or LIKE when the value has a leading or trailing {@code *}. */
    SqlText condition(String alias) {
        String col = alias + "." + column();
        if (!value.startsWith("*") && !value.endsWith("*")) return new SqlText().add(col + " = ?", value);
        String inner = value.substring(value.startsWith("*") ? 1 : 0);
        if (value.endsWith("*") && !inner.isEmpty()) inner = inner.substring(0, inner.length() - 1);
        // the rest of the value is literal: its % and _ are escaped
        String escaped = inner.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        String pattern = (value.startsWith("*") ? "%" : "") + escaped + (value.endsWith("*") ? "%" : "");
        return new SqlText().add(col + " LIKE ? ESCAPE '\\'", pattern);
    }
}
