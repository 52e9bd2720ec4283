package io.footfall.auth;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyRateLimiterTest {
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-03T08:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void refusesTheRequestBeyondTheLimitUntilTheOldestAgesOutOfTheWindow() {
        MovableClock clock = new MovableClock();
        ApiKeyRateLimiter limiter = new ApiKeyRateLimiter(50, Duration.ofSeconds(15), clock);
        UUID key = UUID.randomUUID();
        for (int i = 0; i < 50; i++) {
            assertThat(limiter.acquire(key)).isZero();
            clock.now = clock.now.plusMillis(100);
        }
        // 50 requests from 08:00:00.000 to 08:00:04.900; now 08:00:05.000: the first ages out at 08:00:15.000.
        assertThat(limiter.acquire(key)).isEqualTo(10);
        clock.now = clock.now.plusMillis(9_500);
        assertThat(limiter.acquire(key)).isEqualTo(1);
        clock.now = clock.now.plusMillis(500);
        assertThat(limiter.acquire(key)).isZero();
        assertThat(limiter.acquire(key)).isEqualTo(1);
        assertThat(limiter.acquire(UUID.randomUUID())).isZero();
    }

    @Test
    void aForgottenKeyStartsAfresh() {
        MovableClock clock = new MovableClock();
        ApiKeyRateLimiter limiter = new ApiKeyRateLimiter(1, Duration.ofSeconds(15), clock);
        UUID key = UUID.randomUUID();
        assertThat(limiter.acquire(key)).isZero();
        assertThat(limiter.acquire(key)).isEqualTo(15);
        limiter.forget(key);
        assertThat(limiter.acquire(key)).isZero();
    }
}
