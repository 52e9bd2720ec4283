package io.footfall.bench;

/** Latencies in 10 µs buckets up to 2 s (slower ones land in the last bucket); one per worker thread, merged at the end. */
final class LatencyHistogram {
    private static final int BUCKET_NANOS = 10_000;
    private final long[] counts = new long[200_000];
    private long total;

    void record(long nanos) {
        int b = (int) Math.min(counts.length - 1, nanos / BUCKET_NANOS);
        counts[b]++;
        total++;
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) counts[i] += other.counts[i];
        total += other.total;
    }

    /** The latency in milliseconds below which {@code q} of the samples fall. */
    double percentileMillis(double q) {
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank && rank > 0) return (i + 1) * (BUCKET_NANOS / 1_000_000.0);
        }
        return 0;
    }
}
