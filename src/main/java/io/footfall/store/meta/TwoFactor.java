package io.footfall.store.meta;

import java.time.Instant;
import java.util.UUID;

/**
 * A user's TOTP setup: pending until a code confirms it ({@code enabled}). {@code lastUsedStep} is the time
 * step of the last accepted code, so no code is accepted twice.
 */
public record TwoFactor(UUID userId, String secretEncrypted, boolean enabled, Long lastUsedStep, Instant createdAt,
                        Instant enabledAt) {
}
