package io.footfall.store.meta;

import java.time.Instant;
import java.util.UUID;

/**
 * An API key of a user, as stored: never the key itself, only its SHA-256 ({@code hash}) to recognise it,
 * an AES-GCM copy ({@code encrypted}) an administrator may later read back, and what lists show of it.
 */
public record ApiKey(UUID id, UUID userId, String name, String prefix, String last4, String hash, String encrypted,
                     Instant createdAt, Instant lastUsedAt) {
}
