package io.footfall.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./footfall bench ingest} options. The warm-up runs before the measured levels and is stored and counted
 * in the durability check, but not in the events/s: with the default (3 s at 8 connections) the first level still
 * measures a server whose JIT is compiling and whose User-Agent parser is building. The JIT needs calls, not
 * seconds, so on a busy machine bound the warm-up by hits: {@code --warmup 600 --warmup-hits 300000
 * --warmup-concurrency 64} sends 300,000 hits (or stops after 600 s) before measuring the steady state. Both stores
 * take the same options.
 */
record IngestOptions(int seconds, List<Integer> levels, int warmupSeconds, long warmupHits, int warmupConcurrency, Path data,
                     String store) {
    static final int MAX_SECONDS = 120;
    static final int MAX_WARMUP_SECONDS = 600;

    static IngestOptions parse(String... args) {
        int seconds = 15;
        List<Integer> levels = List.of(8, 64);
        int warmupSeconds = 3;
        long warmupHits = Long.MAX_VALUE;
        int warmupConcurrency = 8;
        Path data = null;
        String store = "duckdb";
        if (args.length % 2 != 0) throw new IllegalArgumentException("option " + args[args.length - 1] + " needs a value");
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--seconds" -> seconds = Math.min(MAX_SECONDS, positive(args[i], value));
                case "--concurrency" -> levels = Arrays.stream(value.split(",")).map(v -> positive("--concurrency", v.trim())).toList();
                case "--warmup" -> warmupSeconds = Math.min(MAX_WARMUP_SECONDS, atLeastZero(value));
                case "--warmup-hits" -> warmupHits = positive(args[i], value);
                case "--warmup-concurrency" -> warmupConcurrency = positive(args[i], value);
                case "--data" -> data = Path.of(value);
                case "--store" -> store = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new IngestOptions(seconds, levels, warmupSeconds, warmupHits, warmupConcurrency, data, store);
    }

    private static int positive(String option, String value) {
        int n = number(option, value);
        if (n < 1) throw new IllegalArgumentException(option + " must be at least 1, got " + value);
        return n;
    }

    private static int atLeastZero(String value) {
        int n = number("--warmup", value);
        if (n < 0) throw new IllegalArgumentException("--warmup must be 0 or more seconds, got " + value);
        return n;
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got " + value);
        }
    }
}
