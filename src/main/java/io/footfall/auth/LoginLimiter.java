package io.footfall.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Slows password guessing, counted both per client address and per username: guessing one account from
 * many addresses is limited as well as guessing many accounts from one address.
 * <p>
 * The {@code maxFailures}-th failure of a key locks it for {@link #FIRST_LOCK}, and each further one for
 * twice as long as the one before (5 s, 10 s, 20 s, ...), at most {@link #MAX_LOCK}: never a permanent lock,
 * so a locked-out owner gets back in once the guessing stops. A username's lock does not apply at an address
 * it has logged in from before (the last {@link #KNOWN_ADDRESSES}): guessing from elsewhere cannot lock the
 * owner out of its usual place, while that address stays under its own limit. A key forgets its failures
 * {@link #FORGET_AFTER} after the last one, or at a successful login. Memory is bounded: each map keeps
 * the most recently failed keys. Thread-safe; logins are rare enough for one lock.
 */
public final class LoginLimiter {
    static final Duration FIRST_LOCK = Duration.ofSeconds(5);
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    private static final int MAX_KEYS = 100_000;
    static final int KNOWN_ADDRESSES = 8;

    private final int maxFailures;
    private final Clock clock;
    private final Map<String, Failures> byAddress = lru();
    private final Map<String, Failures> byUsername = lru();
    private final Map<String, java.util.LinkedHashSet<String>> knownAddresses = lru();

    private static final class Failures {
        int count;
        Instant last;
        Instant lockedUntil = Instant.MIN;
    }

    public LoginLimiter(int maxFailures, Clock clock) {
        this.maxFailures = maxFailures;
        this.clock = clock;
    }

    /** Seconds until this address may try again, or 0 if it may try now. */
    public synchronized long addressRetryAfterSeconds(String address) {
        return retryAfter(byAddress.get(address));
    }

    /** Seconds until this username may be tried again from this address, or 0 if it may be tried now. */
    public synchronized long usernameRetryAfterSeconds(String username, String address) {
        var known = knownAddresses.get(key(username));
        if (known != null && known.contains(address)) return 0;
        return retryAfter(byUsername.get(key(username)));
    }

    /** Counts a failed login of {@code username} from {@code address}. */
    public synchronized void recordFailure(String address, String username) {
        fail(byAddress, address);
        fail(byUsername, key(username));
    }

    public synchronized void recordSuccess(String address, String username) {
        byAddress.remove(address);
        byUsername.remove(key(username));
        var known = knownAddresses.computeIfAbsent(key(username), k -> new java.util.LinkedHashSet<>());
        known.remove(address);
        known.add(address);
        if (known.size() > KNOWN_ADDRESSES) known.removeFirst();
    }

    private long retryAfter(Failures f) {
        if (f == null) return 0;
        Instant now = clock.instant();
        if (!now.isBefore(f.lockedUntil)) return 0;
        return Math.max(1, (Duration.between(now, f.lockedUntil).toMillis() + 999) / 1000);
    }

    private void fail(Map<String, Failures> map, String key) {
        Instant now = clock.instant();
        Failures f = map.get(key);
        if (f == null || f.last.plus(FORGET_AFTER).isBefore(now)) {
            f = new Failures();
            map.put(key, f);
        }
        f.count++;
        f.last = now;
        int doublings = f.count - maxFailures;
        if (doublings >= 0) {
            Duration lock = doublings > 20 ? MAX_LOCK : FIRST_LOCK.multipliedBy(1L << doublings);
            f.lockedUntil = now.plus(lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock);
        }
    }

    /** Usernames compare case-insensitively here, so changing case is not a fresh budget. */
    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_KEYS;
            }
        };
    }
}
