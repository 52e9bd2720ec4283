package io.footfall.http.tinytrail;

import io.footfall.store.meta.User;

import java.util.UUID;

/** Who a TinyTrail request acts as: the key's user, whether it is an admin, and its account (null for none). */
record Caller(User user, boolean admin, UUID accountId) {
    /** Whether the caller may see things of this account; others get 404, never 403 (no enumeration). */
    boolean reaches(UUID account) {
        return admin || (accountId != null && accountId.equals(account));
    }
}
