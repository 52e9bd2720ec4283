package io.footfall.auth;

import io.footfall.store.meta.User;

import java.util.Set;
import java.util.UUID;

/**
 * The caller of a request: a logged-in user with the token it presented, or the holder of a share token, who
 * may read one shared entity ({@code shareWebsiteId}: a website, link, pixel or board) and, for a board, the
 * statistics of the entities the board names ({@code shareAlso}), and has no user.
 */
public record Principal(User user, String token, UUID shareWebsiteId, Set<UUID> shareAlso) {
    public Principal(User user, String token) {
        this(user, token, null, Set.of());
    }

    public static Principal share(UUID websiteId, String token) {
        return new Principal(null, token, websiteId, Set.of());
    }

    /** A board share: the board itself, and the websites, links and pixels it names. */
    public static Principal boardShare(UUID boardId, Set<UUID> entities, String token) {
        return new Principal(null, token, boardId, Set.copyOf(entities));
    }

    /** Whether a share token may read {@code id}. */
    public boolean shareReads(UUID id) {
        return isShare() && (id.equals(shareWebsiteId) || shareAlso.contains(id));
    }

    public boolean isShare() {
        return user == null;
    }
}
