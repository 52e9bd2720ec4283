package io.footfall.store.meta;

import java.time.Instant;
import java.util.UUID;

/** A user's membership of a team, with its team role; {@code username} is filled where lists show it. */
public record TeamMember(UUID id, UUID teamId, UUID userId, String role, Instant createdAt, Instant updatedAt,
                         String username) {
    public static final String OWNER = "team-owner";
    public static final String MANAGER = "team-manager";
    public static final String MEMBER = "team-member";
    public static final String VIEW_ONLY = "team-view-only";

    /** The roles a membership may be given through the API; the owner role comes only with creating the team. */
    public static final java.util.Set<String> ASSIGNABLE = java.util.Set.of(MANAGER, MEMBER, VIEW_ONLY);

    public TeamMember withRole(String newRole, Instant at) {
        return new TeamMember(id, teamId, userId, newRole, createdAt, at, username);
    }
}
