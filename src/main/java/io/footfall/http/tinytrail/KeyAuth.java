package io.footfall.http.tinytrail;

import io.footfall.auth.ApiKeyRateLimiter;
import io.footfall.http.ApiRequest;
import io.footfall.store.meta.ApiKey;
import io.footfall.manage.ApiKeyService;
import io.footfall.store.meta.User;
import io.footfall.manage.UserService;
import io.footfall.tinytrail.TinyTrailDirectory;

import java.sql.SQLException;

/**
 * {@code X-API-KEY} authentication for the protected TinyTrail routes, with the per-key rate limit
 * (60 requests per 60 s by default). Any key of the api_key table is accepted: a TinyTrail {@code tt_} key,
 * or a user's Umami key, which acts as the same user.
 */
final class KeyAuth {
    static final String HEADER = "x-api-key";

    private final ApiKeyService keys;
    private final UserService users;
    private final TinyTrailDirectory directory;
    private final ApiKeyRateLimiter limiter;

    KeyAuth(ApiKeyService keys, UserService users, TinyTrailDirectory directory, ApiKeyRateLimiter limiter) {
        this.keys = keys;
        this.users = users;
        this.directory = directory;
        this.limiter = limiter;
    }

    Caller caller(ApiRequest req) throws SQLException {
        String presented = req.header(HEADER);
        if (presented == null || presented.isBlank()) throw TinyTrailException.unauthorized();
        ApiKey key = keys.recognise(presented.trim()).orElseThrow(TinyTrailException::unauthorized);
        User user = users.find(key.userId()).orElseThrow(TinyTrailException::unauthorized);
        long wait = limiter.acquire(key.id());
        if (wait > 0) throw TinyTrailException.rateLimited(wait);
        return new Caller(user, user.isAdmin(), directory.accountOf(user.id()));
    }

    Caller admin(ApiRequest req) throws SQLException {
        Caller c = caller(req);
        if (!c.admin()) throw TinyTrailException.forbidden();
        return c;
    }
}
