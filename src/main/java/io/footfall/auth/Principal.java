package io.footfall.auth;

import io.footfall.manage.User;

import java.util.UUID;

/**
 * The caller of a request: a logged-in user with the token it presented, or the holder of a share token, who
 * may read one website's statistics ({@code shareWebsiteId}) and has no user.
 */
public record Principal(User user, String token, UUID shareWebsiteId) {
    public Principal(User user, String token) {
        this(user, token, null);
    }

    public static Principal share(UUID websiteId, String token) {
        return new Principal(null, token, websiteId);
    }

    public boolean isShare() {
        return user == null;
    }
}
