package io.footfall.collect;

import io.footfall.event.CollectedHit;
import io.footfall.store.EventStore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit for collected hits. Request threads {@link #submit} a hit and wait on its future;
 * one writer thread takes everything queued (up to {@code maxBatch}), appends it in one transaction,
 * and only then completes the futures, so an acknowledged hit is durable. While a batch commits,
 * the next one accumulates: batches grow with load without adding latency at low load.
 * <p>
 * Hazards: {@link #submit} never blocks, and at most {@code capacity} hits are held at once, counting those
 * queued and those the writer has taken but not yet stored (a batch waiting for a full ingest log's room
 * used to let the queue fill again behind it: capacity plus a whole batch in memory). Beyond that the caller
 * is told at once (it answers 503) instead of memory growing or hits being dropped silently. A failed append
 * fails every future of that batch; nothing is retried behind the client's back.
 */
public final class IngestQueue implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(IngestQueue.class.getName());

    private record Pending(CollectedHit hit, CompletableFuture<Void> done) {
    }

    /** Thrown by {@link #submit} when the queue is full or closed. */
    public static final class Rejected extends Exception {
        Rejected(String message) {
            super(message, null, false, false);
        }
    }

    private final EventStore store;
    private final ArrayBlockingQueue<Pending> queue;
    private final int capacity;
    /** Hits submitted whose futures have not completed: queued, or in the writer's batch. */
    private final AtomicInteger held = new AtomicInteger();
    private final int maxBatch;
    private final Thread writer;
    private volatile boolean accepting = true;
    private volatile boolean running = true;

    public IngestQueue(EventStore store, int capacity, int maxBatch) {
        this.store = store;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.capacity = capacity;
        this.maxBatch = maxBatch;
        this.writer = Thread.ofPlatform().name("footfall-ingest-writer").daemon(false).start(this::drainLoop);
    }

    /** Enqueues a hit; the future completes when it is durable, or fails if it could not be stored. */
    public CompletableFuture<Void> submit(CollectedHit hit) throws Rejected {
        if (!accepting) throw new Rejected("shutting down");
        if (held.incrementAndGet() > capacity) {
            held.decrementAndGet();
            throw new Rejected("ingest queue full");
        }
        Pending p = new Pending(hit, new CompletableFuture<>());
        if (!queue.offer(p)) { // cannot happen while held counts every queued hit; kept as a guard
            held.decrementAndGet();
            throw new Rejected("ingest queue full");
        }
        return p.done;
    }

    public int queued() {
        return queue.size();
    }

    /** Hits held in memory now: queued, or being stored; never more than the capacity. */
    public int held() {
        return held.get();
    }

    /** Totals since start, for operators and benchmarks: how well group commit is batching. */
    public record Stats(long batches, long rows, double avgBatchRows, double avgAppendMillis) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "ingest: %d hits in %d batches, %.1f hits/batch, %.2f ms/append",
                    rows, batches, avgBatchRows, avgAppendMillis);
        }
    }

    // Written only by the writer thread; read racily for reporting.
    private volatile long batches;
    private volatile long rows;
    private volatile long appendNanos;

    public Stats stats() {
        long b = batches;
        return new Stats(b, rows, b == 0 ? 0 : rows / (double) b, b == 0 ? 0 : appendNanos / 1e6 / b);
    }

    private void drainLoop() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        List<CollectedHit> hits = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                for (Pending p : batch) hits.add(p.hit);
                Exception failure = null;
                try {
                    long t0 = System.nanoTime();
                    store.append(hits);
                    batches++;
                    rows += hits.size();
                    appendNanos += System.nanoTime() - t0;
                } catch (Exception e) {
                    LOG.log(Level.SEVERE, "could not store a batch of " + batch.size() + " hits", e);
                    failure = e;
                }
                // Room first, then the answers: a client told its hit is stored may send the next at once.
                held.addAndGet(-batch.size());
                for (Pending p : batch) {
                    if (failure == null) p.done.complete(null);
                    else p.done.completeExceptionally(failure);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
                hits.clear();
            }
        }
    }

    /** Stops accepting, stores everything already queued, then stops the writer. */
    @Override
    public void close() {
        accepting = false;
        running = false;
        try {
            writer.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
