package io.footfall.http;

import io.footfall.auth.AuthTokens;
import io.footfall.auth.Principal;
import io.footfall.manage.User;
import io.footfall.manage.UserService;

import java.util.Optional;
import java.util.UUID;

/** Resolves `Authorization: Bearer <token>` to a principal; every failure is the same 401. */
public final class Authenticator {
    private final AuthTokens tokens;
    private final UserService users;

    public Authenticator(AuthTokens tokens, UserService users) {
        this.tokens = tokens;
        this.users = users;
    }

    public Principal require(ApiRequest req) throws java.sql.SQLException {
        String token = bearer(req);
        if (token == null) throw ApiException.unauthorized();
        Optional<UUID> userId = tokens.verify(token);
        if (userId.isEmpty()) throw ApiException.unauthorized();
        User user = users.find(userId.get()).orElseThrow(ApiException::unauthorized);
        Principal p = new Principal(user, token);
        req.principal(p);
        return p;
    }

    /** Wraps a handler so it runs only for an authenticated caller. */
    public Handler guard(Handler handler) {
        return req -> {
            require(req);
            return handler.handle(req);
        };
    }

    static String bearer(ApiRequest req) {
        String h = req.header("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        String t = h.substring(7).trim();
        return t.isEmpty() ? null : t;
    }
}
