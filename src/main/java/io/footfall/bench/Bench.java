package io.footfall.bench;

import java.util.Arrays;

/** {@code ./footfall bench <name> [options]}: runs one of the benchmarks. */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (name) {
            case "query" -> QueryBench.main(rest);
            default -> {
                System.err.println("usage: footfall bench query");
                System.exit(2);
            }
        }
    }
}
