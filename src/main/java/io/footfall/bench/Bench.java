package io.footfall.bench;

import java.util.Arrays;

/** {@code ./footfall bench <name> [options]}: rerunnable benchmarks that print numbers. */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (name) {
            case "ingest" -> IngestBench.main(rest);
            case "query" -> QueryBench.main(rest);
            case "soak" -> SoakBench.main(rest);
            case "ui" -> UiBench.main(rest);
            default -> {
                System.err.println("usage: ./footfall bench ingest [--seconds N] [--concurrency 8,64] [--warmup SECONDS] [--warmup-hits N] [--warmup-concurrency N] [--store duckdb|postgresql] [--data DIR]");
                System.err.println("       ./footfall bench query [options]");
                System.err.println("       ./footfall bench soak [--minutes N] [--rate HITS_PER_S] [--reads READS_PER_S] [--data DIR]");
                System.err.println("       ./footfall bench ui [--data DIR] [--runs N]");
                System.exit(2);
            }
        }
    }
}
