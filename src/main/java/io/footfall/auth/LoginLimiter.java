package io.footfall.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code maxFailures} failed logins from one IP within the window,
 * further attempts from that IP are refused until the oldest failure leaves the window.
 */
public final class LoginLimiter {
    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final int maxFailures;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginLimiter(int maxFailures, Clock clock) {
        this.maxFailures = maxFailures;
        this.clock = clock;
    }

    /** Seconds until this IP may try again, or 0 if it may try now. */
    public long retryAfterSeconds(String ip) {
        Deque<Instant> q = failures.get(ip);
        if (q == null) return 0;
        synchronized (q) {
            Instant now = clock.instant();
            while (!q.isEmpty() && q.peekFirst().plus(WINDOW).isBefore(now)) q.pollFirst();
            if (q.size() < maxFailures) return 0;
            return Math.max(1, Duration.between(now, q.peekFirst().plus(WINDOW)).toSeconds());
        }
    }

    public void recordFailure(String ip) {
        if (failures.size() > 100_000) failures.clear(); // bounded memory under a flood of distinct IPs
        Deque<Instant> q = failures.computeIfAbsent(ip, k -> new ArrayDeque<>());
        synchronized (q) {
            q.addLast(clock.instant());
            while (q.size() > maxFailures) q.pollFirst();
        }
    }

    public void recordSuccess(String ip) {
        failures.remove(ip);
    }
}
