package io.footfall.auth;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LoginLimiterTest {
    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final HandClock clock = new HandClock();
    final LoginLimiter limiter = new LoginLimiter(3, clock);

    @Test
    void lockDoublesWithEachFailureBeyondTheLimitAndNeverExceedsTheCap() {
        for (int i = 0; i < 2; i++) limiter.recordFailure("198.51.100.1", "alice");
        assertThat(limiter.addressRetryAfterSeconds("198.51.100.1")).isZero();
        limiter.recordFailure("198.51.100.1", "alice");
        assertThat(limiter.addressRetryAfterSeconds("198.51.100.1")).isEqualTo(5);
        assertThat(limiter.usernameRetryAfterSeconds("alice", "198.51.100.9")).isEqualTo(5);
        clock.advance(Duration.ofSeconds(5));
        assertThat(limiter.addressRetryAfterSeconds("198.51.100.1")).isZero();
        limiter.recordFailure("198.51.100.1", "alice");
        assertThat(limiter.addressRetryAfterSeconds("198.51.100.1")).isEqualTo(10);
        limiter.recordFailure("198.51.100.1", "alice");
        assertThat(limiter.addressRetryAfterSeconds("198.51.100.1")).isEqualTo(20);
        for (int i = 0; i < 30; i++) limiter.recordFailure("198.51.100.1", "alice");
        assertThat(limiter.addressRetryAfterSeconds("198.51.100.1")).isEqualTo(15 * 60);
        clock.advance(Duration.ofMinutes(15));
        assertThat(limiter.addressRetryAfterSeconds("198.51.100.1")).isZero();
        assertThat(limiter.usernameRetryAfterSeconds("alice", "198.51.100.9")).isZero();
    }

    @Test
    void oneUsernameGuessedFromManyAddressesIsLimited() {
        limiter.recordFailure("198.51.100.1", "alice");
        limiter.recordFailure("198.51.100.2", "Alice");
        limiter.recordFailure("198.51.100.3", "ALICE");
        assertThat(limiter.usernameRetryAfterSeconds("alice", "198.51.100.9")).isEqualTo(5);
        assertThat(limiter.addressRetryAfterSeconds("198.51.100.4")).isZero();
        assertThat(limiter.usernameRetryAfterSeconds("bob", "198.51.100.9")).isZero();
    }

    @Test
    void failuresAreForgottenAfterQuietTimeOrASuccess() {
        limiter.recordFailure("198.51.100.1", "alice");
        limiter.recordFailure("198.51.100.1", "alice");
        clock.advance(Duration.ofMinutes(16));
        limiter.recordFailure("198.51.100.1", "alice");
        assertThat(limiter.addressRetryAfterSeconds("198.51.100.1")).isZero();
        limiter.recordFailure("198.51.100.1", "alice");
        limiter.recordSuccess("198.51.100.1", "alice");
        limiter.recordFailure("198.51.100.1", "alice");
        assertThat(limiter.addressRetryAfterSeconds("198.51.100.1")).isZero();
        assertThat(limiter.usernameRetryAfterSeconds("alice", "198.51.100.9")).isZero();
    }

    @Test
    void aUsernameLockDoesNotApplyWhereTheOwnerLoggedInBefore() {
        limiter.recordSuccess("192.0.2.1", "alice");
        for (int i = 0; i < 3; i++) limiter.recordFailure("198.51.100." + i, "alice");
        assertThat(limiter.usernameRetryAfterSeconds("alice", "198.51.100.50")).isEqualTo(5);
        assertThat(limiter.usernameRetryAfterSeconds("ALICE", "192.0.2.1")).isZero();
        // The known address still has its own limit.
        for (int i = 0; i < 3; i++) limiter.recordFailure("192.0.2.1", "alice");
        assertThat(limiter.addressRetryAfterSeconds("192.0.2.1")).isEqualTo(5);
    }
}
