package io.footfall.config;

import java.time.Duration;
import java.util.Map;

/**
 * The TinyTrail API's settings: ADMIN_API_KEY (the default admin's key, instead of a generated one) and its two
 * rate limits, TINYTRAIL_COLLECT_RATE_LIMIT per TINYTRAIL_COLLECT_RATE_WINDOW seconds per IP (default 10 / 10)
 * and TINYTRAIL_API_RATE_LIMIT per TINYTRAIL_API_RATE_WINDOW seconds per key (default 60 / 60), raised for
 * deployments where many clients share one proxy address.
 */
public record TinyTrailSettings(String adminApiKey, int collectLimit, Duration collectWindow, int apiLimit,
                                Duration apiWindow) {
    public static TinyTrailSettings from(Map<String, String> env) {
        EnvReader r = new EnvReader(env);
        String adminKey = r.string("ADMIN_API_KEY", null);
        if (adminKey != null && (adminKey.length() < 16 || adminKey.length() > 200 || adminKey.isBlank())) {
            throw new SettingsException("ADMIN_API_KEY must be 16 to 200 characters");
        }
        return new TinyTrailSettings(adminKey,
                r.integer("TINYTRAIL_COLLECT_RATE_LIMIT", 10, 1, 1_000_000),
                Duration.ofSeconds(r.integer("TINYTRAIL_COLLECT_RATE_WINDOW", 10, 1, 86_400)),
                r.integer("TINYTRAIL_API_RATE_LIMIT", 60, 1, 1_000_000),
                Duration.ofSeconds(r.integer("TINYTRAIL_API_RATE_WINDOW", 60, 1, 86_400)));
    }
}
