package io.footfall.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Every runtime setting, read once from environment variables at start.
 * Names follow Umami's where Umami has one, so an existing Umami deployment's environment carries over.
 *
 * @param trustedProxies     TRUSTED_PROXIES entries, or null when unset (loopback is trusted then)
 * @param readTimeoutSeconds READ_TIMEOUT: longest wait for a client's next bytes (request head, body, next request)
 * @param apiKeyRateLimit    API_KEY_RATE_LIMIT requests per API_KEY_RATE_WINDOW seconds, per API key
 * @param queryPath          QUERY_PATH: {@code accelerated} (default; DuckDB's rollups where they cover a request) or
 *                           {@code reference} (every statistic from the raw events, as on a backend without rollups) or
 *                           {@code compare} (the accelerator, each answer checked against the reference: tests)
 * @param queryOptions       how the query paths shape their SQL ({@link QueryOptions}: tuning and tests)
 * @param foldIdleSeconds    FOLD_IDLE_SECONDS: DuckDB folds its rollups' tail this long after appends pause (default 3;
 *                           0: only when the tail holds 100,000 events, never by age, as tests keep their tails)
 * @param readBarrierTimeoutSeconds READ_BARRIER_TIMEOUT_SECONDS: longest wait of a read for acknowledged hits to reach the
 *                           store; then it answers 503 (the store is failing or far behind)
 * @param maxConcurrentRequests MAX_CONCURRENT_REQUESTS: requests handled at once (sized from MEMORY_LIMIT)
 * @param maxConcurrentReads MAX_CONCURRENT_READS: reads (statistics GETs, report POSTs) run at once, a quarter of
 *                           MAX_CONCURRENT_REQUESTS by default; as many again wait briefly, then 503: slow reads keep
 *                           at most half the places, collect the rest
 */
public record Settings(
        String host,
        int port,
        Path dataDir,
        String databaseUrl,
        String appSecret,
        String basePath,
        String clientIpHeader,
        int corsMaxAge,
        boolean disableLogin,
        boolean disableBotCheck,
        boolean forceSsl,
        boolean logQuery,
        boolean removeTrailingSlash,
        String collectApiEndpoint,
        String trackerScriptName,
        List<String> ignoreIps,
        String saltRotation,
        Path geoDatabasePath,
        long maxBodyBytes,
        int ingestQueueCapacity,
        int loginMaxFailures,
        List<String> trustedProxies,
        int readTimeoutSeconds,
        MemoryBudget memory,
        ApiKeyRateLimit apiKeyRateLimit,
        String queryPath,
        QueryOptions queryOptions,
        int foldIdleSeconds,
        TinyTrailSettings tinyTrail,
        int readBarrierTimeoutSeconds,
        int maxConcurrentRequests,
        int maxConcurrentReads) {
    /** READ_BARRIER_TIMEOUT_SECONDS' default: longer than a ship behind a fold on a large store takes, short enough for a client to wait. */
    public static final int DEFAULT_READ_BARRIER_TIMEOUT_SECONDS = 10;


    /** Reads settings from the process environment. */
    public static Settings fromEnvironment() {
        return from(System.getenv());
    }

    /** Reads settings from the given variables; throws {@link SettingsException} naming the first bad variable. */
    public static Settings from(Map<String, String> env) {
        EnvReader r = new EnvReader(env);
        Path dataDir = r.path("DATA_DIR", Path.of("data"));
        String saltRotation = r.oneOf("SALT_ROTATION", "month", List.of("day", "week", "month"));
        MemoryBudget memory = MemoryBudget.from(env);
        int maxConcurrentRequests = r.integer("MAX_CONCURRENT_REQUESTS", memory.defaultMaxConcurrentRequests(), 1, 1_000_000);
        return new Settings(
                r.string("HOSTNAME", "0.0.0.0"),
                r.integer("PORT", 3000, 0, 65535),
                dataDir,
                r.string("DATABASE_URL", null),
                r.string("APP_SECRET", null),
                r.basePath("BASE_PATH"),
                r.string("CLIENT_IP_HEADER", null),
                r.integer("CORS_MAX_AGE", 86400, 0, Integer.MAX_VALUE),
                r.bool("DISABLE_LOGIN"),
                r.bool("DISABLE_BOT_CHECK"),
                r.bool("FORCE_SSL"),
                r.bool("LOG_QUERY"),
                r.bool("REMOVE_TRAILING_SLASH"),
                r.endpoint("COLLECT_API_ENDPOINT"),
                r.endpoint("TRACKER_SCRIPT_NAME"),
                r.list("IGNORE_IP"),
                saltRotation,
                r.path("GEO_DATABASE_PATH", null),
                r.integer("MAX_BODY_BYTES", 256 * 1024, 1024, 64 * 1024 * 1024),
                r.integer("INGEST_QUEUE_CAPACITY", memory.defaultIngestQueueCapacity(), 1, 10_000_000),
                r.integer("LOGIN_MAX_FAILURES", 10, 1, 1_000_000),
                r.listOrNull("TRUSTED_PROXIES"),
                r.integer("READ_TIMEOUT", 30, 1, 3600),
                memory,
                ApiKeyRateLimit.from(env),
                r.oneOf("QUERY_PATH", "accelerated", List.of("accelerated", "reference", "compare")),
                QueryOptions.from(r),
                r.integer("FOLD_IDLE_SECONDS", 3, 0, 3600),
                TinyTrailSettings.from(env),
                r.integer("READ_BARRIER_TIMEOUT_SECONDS", DEFAULT_READ_BARRIER_TIMEOUT_SECONDS, 1, 3600),
                maxConcurrentRequests,
                r.integer("MAX_CONCURRENT_READS", defaultMaxConcurrentReads(maxConcurrentRequests), 1, 1_000_000));
    }

    /** MAX_CONCURRENT_READS' default: a quarter of the request places (running and waiting reads then hold at most half). */
    public static int defaultMaxConcurrentReads(int maxConcurrentRequests) {
        return Math.max(1, maxConcurrentRequests / 4);
    }

    /** Same settings with another data directory and port; used by tests and benchmarks. */
    public Settings withDataDirAndPort(Path dir, int newPort) {
        return new Settings(host, newPort, dir, databaseUrl, appSecret, basePath, clientIpHeader, corsMaxAge,
                disableLogin, disableBotCheck, forceSsl, logQuery, removeTrailingSlash, collectApiEndpoint,
                trackerScriptName, ignoreIps, saltRotation, geoDatabasePath, maxBodyBytes, ingestQueueCapacity,
                loginMaxFailures, trustedProxies, readTimeoutSeconds, memory, apiKeyRateLimit, queryPath, queryOptions, foldIdleSeconds, tinyTrail,
                readBarrierTimeoutSeconds, maxConcurrentRequests, maxConcurrentReads);
    }
}
