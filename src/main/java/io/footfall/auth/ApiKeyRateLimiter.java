package io.footfall.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * At most {@code limit} requests per API key in any sliding window of {@code window}: each key keeps the
 * times of its last {@code limit} requests; a request is refused while the oldest of them is less than one
 * window old, and the caller is told how long until it ages out. A refused request does not count. Memory
 * is bounded: the most recently used {@link #MAX_KEYS} keys are remembered. Thread-safe.
 */
public final class ApiKeyRateLimiter {
    static final int MAX_KEYS = 100_000;

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final Map<UUID, ArrayDeque<Long>> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, ArrayDeque<Long>> eldest) {
            return size() > MAX_KEYS;
        }
    };

    public ApiKeyRateLimiter(int limit, Duration window, Clock clock) {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** Counts a request of {@code keyId}; returns 0 when it may proceed, else the whole seconds to wait (at least 1). */
    public synchronized long acquire(UUID keyId) {
        long now = clock.millis();
        ArrayDeque<Long> times = recent.computeIfAbsent(keyId, k -> new ArrayDeque<>());
        while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) times.pollFirst();
        if (times.size() >= limit) {
            long waitMillis = times.peekFirst() + windowMillis - now;
            return Math.max(1, (waitMillis + 999) / 1000);
        }
        times.addLast(now);
        return 0;
    }

    /** Forgets a deleted key. */
    public synchronized void forget(UUID keyId) {
        recent.remove(keyId);
    }
}
