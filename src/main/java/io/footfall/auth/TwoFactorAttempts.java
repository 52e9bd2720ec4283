package io.footfall.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Wrong two-factor codes per user, as Umami counts them: the {@link #MAX_FAILURES}th wrong code locks the
 * user's code checks for {@link #LOCK}; a right code clears the count. Guessing a 6-digit code therefore takes
 * years, whatever addresses it comes from. Bounded memory; thread-safe.
 */
public final class TwoFactorAttempts {
    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);
    private static final int MAX_USERS = 100_000;

    private final Clock clock;
    private final Map<UUID, Failures> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Failures> eldest) {
            return size() > MAX_USERS;
        }
    };

    private static final class Failures {
        int count;
        Instant lockedUntil;
    }

    public TwoFactorAttempts(Clock clock) {
        this.clock = clock;
    }

    /** Until when the user's code checks are locked, or null when they are not. */
    public synchronized Instant lockedUntil(UUID userId) {
        Failures f = failures.get(userId);
        if (f == null || f.lockedUntil == null) return null;
        if (!clock.instant().isBefore(f.lockedUntil)) {
            failures.remove(userId);
            return null;
        }
        return f.lockedUntil;
    }

    /** Counts a wrong code; returns the lock's end when this failure locked the user, else null. */
    public synchronized Instant recordFailure(UUID userId) {
        Failures f = failures.computeIfAbsent(userId, k -> new Failures());
        f.count++;
        if (f.count >= MAX_FAILURES) {
            f.lockedUntil = clock.instant().plus(LOCK);
            return f.lockedUntil;
        }
        return null;
    }

    public synchronized void reset(UUID userId) {
        failures.remove(userId);
    }
}
