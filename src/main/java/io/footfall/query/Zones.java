package io.footfall.query;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** IANA zone names looked up case-insensitively, as browsers' Intl accepts them. */
final class Zones {
    private static final Map<String, String> BY_LOWER = new HashMap<>();

    static {
        for (String id : ZoneId.getAvailableZoneIds()) BY_LOWER.put(id.toLowerCase(Locale.ROOT), id);
        BY_LOWER.put("utc", "UTC");
    }

    private Zones() {
    }

    /** The zone, or null when the name is not a known region zone. */
    static ZoneId find(String name) {
        if (name == null || name.length() > 64) return null;
        String id = BY_LOWER.get(name.toLowerCase(Locale.ROOT));
        if (id == null) return null;
        return id.equals("UTC") ? ZoneOffset.UTC : ZoneId.of(id);
    }
}
