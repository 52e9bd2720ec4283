package io.footfall.config;

import java.time.Duration;
import java.util.Map;

/**
 * How many requests one API key may make per window: API_KEY_RATE_LIMIT requests (default 50) per
 * API_KEY_RATE_WINDOW seconds (default 15), as Umami Cloud limits its keys.
 */
public record ApiKeyRateLimit(int requests, Duration window) {
    public static ApiKeyRateLimit from(Map<String, String> env) {
        EnvReader r = new EnvReader(env);
        return new ApiKeyRateLimit(r.integer("API_KEY_RATE_LIMIT", 50, 1, 1_000_000),
                Duration.ofSeconds(r.integer("API_KEY_RATE_WINDOW", 15, 1, 86_400)));
    }
}
