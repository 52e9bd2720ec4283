package io.footfall.store.meta;

import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person's dashboard preferences; each is null when not chosen (the dashboard then uses its default).
 * The allowed values are what the dashboard offers, checked here so a stored value always works there.
 */
public record Preferences(String language, String timezone, String theme, String dateRange) {
    public static final Preferences NONE = new Preferences(null, null, null, null);

    public static final Set<String> THEMES = Set.of("system", "light", "dark");
    /** The dashboard's named ranges (ui/src/lib/dates.ts RANGES, less "custom", which needs dates). */
    public static final Set<String> DATE_RANGES = Set.of("today", "24h", "thisweek", "lastweek", "7d", "30d", "90d",
            "thismonth", "lastmonth", "thisyear", "lastyear", "all");
    /** A BCP 47 language tag as the dashboard names its string files: "en", "pt-BR", "zh-Hant-TW". */
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");

    /** Null when the value is allowed, else the reason it is not. */
    public static String languageProblem(String v) {
        return v.length() <= 35 && LANGUAGE.matcher(v).matches() ? null : "must be a language tag such as 'en' or 'pt-BR'";
    }

    /** IANA zone names only ("Europe/Berlin", "UTC"), not offsets, as the browser's Intl takes them. */
    public static String timezoneProblem(String v) {
        return v.length() <= 64 && ZoneId.getAvailableZoneIds().contains(v) ? null : "must be an IANA time zone such as 'Europe/Berlin'";
    }

    public static String themeProblem(String v) {
        return THEMES.contains(v) ? null : "must be one of system, light, dark";
    }

    public static String dateRangeProblem(String v) {
        return DATE_RANGES.contains(v) ? null : "must be one of " + String.join(", ", DATE_RANGES.stream().sorted().toList());
    }
}
