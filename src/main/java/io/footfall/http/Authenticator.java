package io.footfall.http;

import io.footfall.auth.AuthTokens;
import io.footfall.auth.Permissions;
import io.footfall.auth.Principal;
import io.footfall.auth.ShareTokens;
import io.footfall.manage.ShareService;
import io.footfall.store.meta.User;
import io.footfall.manage.UserService;

import java.util.Optional;
import java.util.UUID;

/**
 * Resolves `Authorization: Bearer <token>` to a principal; every failure is the same 401. Statistics reads
 * also accept a share token (`x-umami-share-token` with `x-umami-share-context`, as Umami's share page sends),
 * which {@link Permissions#canViewWebsite} limits to the shared website.
 * <p>
 * An API key (header `x-umami-api-key`, or `Authorization: Bearer umami_...` as Umami 3.3 self-hosted takes it)
 * stands for its user, with exactly that user's permissions, except on the routes that manage credentials or
 * accounts ({@link ApiKeyAccess#BLOCKED}), as in Umami; each key is rate limited (429 with Retry-After).
 */
public final class Authenticator {
    private final AuthTokens tokens;
    private final UserService users;
    private final Permissions permissions;
    private final ShareTokens shareTokens;
    private final ShareService shares;
    private final ApiKeyAccess apiKeys;
    private final BoardLookup boards;

    /** The entities a board names now (empty when the board is gone); see {@link io.footfall.manage.BoardEntities}. */
    @FunctionalInterface
    public interface BoardLookup {
        java.util.Set<UUID> entities(UUID boardId) throws java.sql.SQLException;
    }

    public Authenticator(AuthTokens tokens, UserService users, Permissions permissions, ShareTokens shareTokens,
                         ShareService shares) {
        this(tokens, users, permissions, shareTokens, shares, null);
    }

    public Authenticator(AuthTokens tokens, UserService users, Permissions permissions, ShareTokens shareTokens,
                         ShareService shares, ApiKeyAccess apiKeys) {
        this(tokens, users, permissions, shareTokens, shares, apiKeys, boardId -> java.util.Set.of());
    }

    public Authenticator(AuthTokens tokens, UserService users, Permissions permissions, ShareTokens shareTokens,
                         ShareService shares, ApiKeyAccess apiKeys, BoardLookup boards) {
        this.boards = boards;
        this.tokens = tokens;
        this.users = users;
        this.permissions = permissions;
        this.shareTokens = shareTokens;
        this.shares = shares;
        this.apiKeys = apiKeys;
    }

    public Permissions permissions() {
        return permissions;
    }

    public Principal require(ApiRequest req) throws java.sql.SQLException {
        if (apiKeys != null && ApiKeyAccess.presented(req) != null) {
            Principal p = apiKeys.principal(req, users);
            req.principal(p);
            return p;
        }
        String token = bearer(req);
        if (token == null) throw ApiException.unauthorized();
        Optional<UUID> userId = tokens.verify(token);
        if (userId.isEmpty()) throw ApiException.unauthorized();
        User user = users.find(userId.get()).orElseThrow(ApiException::unauthorized);
        Principal p = new Principal(user, token);
        req.principal(p);
        return p;
    }

    /** Wraps a handler so it runs only for an authenticated user. */
    public Handler guard(Handler handler) {
        return req -> {
            require(req);
            return handler.handle(req);
        };
    }

    /**
     * Wraps a read of a website's statistics: a logged-in user, or else the holder of a share token whose share
     * still exists. The handler must check the website through {@link Permissions#canViewWebsite}.
     */
    public Handler guardStatistics(Handler handler) {
        return req -> {
            if (bearer(req) != null || req.header(SHARE_TOKEN) == null || ApiKeyAccess.presented(req) != null) {
                require(req);
            } else {
                req.principal(share(req));
            }
            return handler.handle(req);
        };
    }

    static final String SHARE_TOKEN = "x-umami-share-token";
    static final String SHARE_CONTEXT = "x-umami-share-context";

    private Principal share(ApiRequest req) throws java.sql.SQLException {
        String token = req.header(SHARE_TOKEN).trim();
        String context = req.header(SHARE_CONTEXT);
        if (token.isEmpty() || context == null || context.isBlank()) throw ApiException.unauthorized();
        ShareTokens.Claims claims = shareTokens.verify(token).orElseThrow(ApiException::unauthorized);
        // A deleted share, or one moved to another entity, no longer opens anything.
        var live = shares.find(claims.shareId()).filter(s -> s.entityId().equals(claims.websiteId()));
        if (live.isEmpty()) throw ApiException.unauthorized();
        // A board share also reads the statistics of what the board names now (not what it named when shared).
        if (live.get().shareType() == io.footfall.store.meta.Share.BOARD) {
            return Principal.boardShare(claims.websiteId(), boards.entities(claims.websiteId()), token);
        }
        return Principal.share(claims.websiteId(), token);
    }

    static String bearer(ApiRequest req) {
        String h = req.header("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        String t = h.substring(7).trim();
        return t.isEmpty() ? null : t;
    }
}
