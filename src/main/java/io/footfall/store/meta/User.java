package io.footfall.store.meta;

import java.time.Instant;
import java.util.UUID;

/** A login account. {@code passwordHash} is bcrypt and never leaves the server. */
public record User(UUID id, String username, String passwordHash, String role, Instant createdAt) {
    public static final String ADMIN = "admin";
    public static final String USER = "user";
    public static final String VIEW_ONLY = "view-only";

    public boolean isAdmin() {
        return ADMIN.equals(role);
    }
}
