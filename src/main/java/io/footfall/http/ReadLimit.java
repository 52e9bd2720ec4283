package io.footfall.http;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * MAX_CONCURRENT_READS: how many reads (statistics GETs, report POSTs) run at once, apart from the server-wide
 * MAX_CONCURRENT_REQUESTS. Under overload reads are the slow requests (a read waits at the read barrier for the
 * shipper, up to a minute, or scans for seconds), so with one limit for all they held most of the places and
 * {@code /api/send} was refused with them (h26-heap). Reads past this limit wait briefly for a place, as many as
 * may run, then are answered 503 with {@code Retry-After}; so reads hold at most twice this many of the server's
 * places and collect keeps the rest.
 */
public final class ReadLimit {
    /** How long a read past the limit waits for a place: a dashboard's burst of reads is served, not refused. */
    static final long WAIT_MILLIS = 1_000;
    /** The {@code Retry-After} of a refused read. */
    static final long RETRY_AFTER_SECONDS = 1;

    private final int places;
    private final Semaphore running;
    private final AtomicInteger waiting = new AtomicInteger();

    public ReadLimit(int places) {
        if (places < 1) throw new IllegalArgumentException("places " + places);
        this.places = places;
        this.running = new Semaphore(places, true);
    }

    /** No limit (Integer.MAX_VALUE places): for a router built without one. */
    static ReadLimit none() {
        return new ReadLimit(Integer.MAX_VALUE);
    }

    /** {@code handler} run inside a place; refused with 503 when none frees up in time. */
    Handler wrap(Handler handler) {
        return request -> {
            acquire();
            try {
                return handler.handle(request);
            } finally {
                running.release();
            }
        };
    }

    private void acquire() throws InterruptedException {
        if (running.tryAcquire()) return;
        // Waiters hold a server place too, so only as many may wait as may run.
        if (waiting.incrementAndGet() > places) {
            waiting.decrementAndGet();
            throw refused();
        }
        try {
            if (!running.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS)) throw refused();
        } finally {
            waiting.decrementAndGet();
        }
    }

    private ApiException refused() {
        return new ApiException(503, "too-many-reads",
                "Too many reads at once (MAX_CONCURRENT_READS " + places + "), try again shortly",
                Long.toString(RETRY_AFTER_SECONDS));
    }
}
