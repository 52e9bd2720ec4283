package io.footfall.store.meta;

import java.util.UUID;

/**
 * Which websites a list shows: those a user owns ({@code ownerId}), with the websites of its teams when
 * {@code teamsOfUser} is set, or those of one team ({@code teamId}); all null is every website (admin view).
 */
public record WebsiteQuery(UUID ownerId, UUID teamsOfUser, UUID teamId, String search, int page, int pageSize) {
    public static WebsiteQuery all(String search, int page, int pageSize) {
        return new WebsiteQuery(null, null, null, search, page, pageSize);
    }
}
