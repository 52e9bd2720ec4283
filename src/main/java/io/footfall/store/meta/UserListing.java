package io.footfall.store.meta;

import java.time.Instant;

/** A user as the admin's user list shows it: the account, its profile fields and how many websites it owns. */
public record UserListing(User user, String displayName, String logoUrl, Instant updatedAt, long websiteCount) {
}
