package io.footfall.manage;

import java.util.UUID;

/** Who owns a thing with statistics of its own (a link or pixel): a user, or a team. */
public record Owned(UUID id, UUID userId, UUID teamId) {
}
