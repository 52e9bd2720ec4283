package io.footfall.http;

import io.footfall.auth.ApiKeyCodes;
import io.footfall.auth.ApiKeyRateLimiter;
import io.footfall.auth.Principal;
import io.footfall.store.meta.ApiKey;
import io.footfall.manage.ApiKeyService;
import io.footfall.store.meta.User;
import io.footfall.manage.UserService;

import java.sql.SQLException;
import java.util.List;

/**
 * Requests made with an API key: which key, whether the route admits keys, and the key's rate limit. A key
 * acts as its user; routes that manage credentials or accounts refuse every key (401), as in Umami 3.3, so
 * a leaked key cannot make itself permanent (new keys, a new password, 2FA) or reach other accounts.
 */
public final class ApiKeyAccess {
    static final String HEADER = "x-umami-api-key";
    /** Path prefixes (below BASE_PATH) closed to API keys; Umami's list. */
    static final List<String> BLOCKED = List.of("/api/me/password", "/api/me/api-keys", "/api/2fa", "/api/auth",
            "/api/users", "/api/admin", "/api/oauth");

    private final ApiKeyService keys;
    private final ApiKeyRateLimiter limiter;
    private final String basePath;

    public ApiKeyAccess(ApiKeyService keys, ApiKeyRateLimiter limiter, String basePath) {
        this.keys = keys;
        this.limiter = limiter;
        this.basePath = basePath;
    }

    /** The API key a request presents (the header first, then a bearer token that is one), or null. */
    static String presented(ApiRequest req) {
        String header = req.header(HEADER);
        if (header != null && !header.isBlank()) return header.trim();
        String bearer = Authenticator.bearer(req);
        return ApiKeyCodes.looksLikeKey(bearer) ? bearer : null;
    }

    Principal principal(ApiRequest req, UserService users) throws SQLException {
        if (blocked(req.path())) throw ApiException.unauthorized();
        ApiKey key = keys.recognise(presented(req)).orElseThrow(ApiException::unauthorized);
        User user = users.find(key.userId()).orElseThrow(ApiException::unauthorized);
        long wait = limiter.acquire(key.id());
        if (wait > 0) throw ApiException.tooManyRequests(wait);
        return new Principal(user, null);
    }

    boolean blocked(String fullPath) {
        String path = fullPath.startsWith(basePath) ? fullPath.substring(basePath.length()) : fullPath;
        for (String prefix : BLOCKED) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) return true;
        }
        return false;
    }

    /** Stops counting a deleted key. */
    public void forget(java.util.UUID keyId) {
        limiter.forget(keyId);
    }
}
