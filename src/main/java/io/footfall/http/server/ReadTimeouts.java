package io.footfall.http.server;

import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds how long a read from a client may block: a connection that sends nothing for the timeout while
 * the server waits for its request head, its body or its next request is closed. Helidon 4.5 sets no
 * socket read timeout on accepted connections and its idle check never interrupts a request whose body
 * is still awaited, so a client could hold a connection and a thread forever by sending part of a request.
 * <p>
 * A read registers a {@link Watch} while it blocks; one sweeper thread interrupts reads past their
 * deadline, which closes the socket under a virtual thread's blocked read. A watch's state changes under
 * its own lock, so an interrupt is never delivered to a thread that has already finished its read.
 */
public final class ReadTimeouts implements AutoCloseable {
    private final long timeoutNanos;
    private final Set<Watch> active = ConcurrentHashMap.newKeySet();
    private final Thread sweeper;
    private volatile boolean closed;

    public ReadTimeouts(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
        long period = Math.max(10, Math.min(1000, timeout.toMillis() / 4));
        this.sweeper = Thread.ofPlatform().daemon().name("footfall-read-timeouts").start(() -> sweep(period));
    }

    /** One connection's reads; not shared between connections. */
    public Watch watch() {
        return new Watch();
    }

    /** Whether a failure comes from a read this class cut off. */
    public static boolean causedByTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) return true;
        }
        return false;
    }

    private void sweep(long periodMillis) {
        while (!closed) {
            try {
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Watch w : active) w.fireIfDue(now);
        }
    }

    @Override
    public void close() {
        closed = true;
        sweeper.interrupt();
    }

    /** Guards the blocking reads of one connection. */
    public final class Watch {
        private static final int IDLE = 0;
        private static final int WAITING = 1;
        private static final int FIRED = 2;

        private int state = IDLE;
        private Thread reader;
        private long deadline;

        private Watch() {
        }

        /** Runs one blocking read; throws an unchecked {@link SocketTimeoutException} when it was cut off. */
        public void during(Runnable read) {
            synchronized (this) {
                state = WAITING;
                reader = Thread.currentThread();
                deadline = System.nanoTime() + timeoutNanos;
            }
            active.add(this);
            RuntimeException failure = null;
            boolean fired;
            try {
                read.run();
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                active.remove(this);
                synchronized (this) {
                    fired = state == FIRED;
                    state = IDLE;
                    reader = null;
                    if (fired) Thread.interrupted(); // the socket is closed; the flag must not outlive it
                }
            }
            if (fired) {
                UncheckedIOException timeout = timedOut();
                if (failure != null) timeout.addSuppressed(failure);
                throw timeout;
            }
            if (failure != null) throw failure;
        }

        private synchronized void fireIfDue(long now) {
            if (state == WAITING && now - deadline > 0) {
                state = FIRED;
                reader.interrupt();
            }
        }

        private UncheckedIOException timedOut() {
            return new UncheckedIOException(new SocketTimeoutException(
                    "no data from the client for " + Duration.ofNanos(timeoutNanos).toSeconds() + " s"));
        }
    }
}
