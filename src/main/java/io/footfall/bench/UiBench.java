package io.footfall.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Dashboard speed in Debian's Chromium on the query bench's data set ({@link QueryBench#prepare}): time from
 * navigation to the overview fully drawn (every card, the chart, all panels, the map and the heatmap) for
 * the 7 and 90 days ending at the data's last hour, and to realtime drawn. Runs ui/e2e/bench.mjs against
 * a server in its own JVM and prints its table.
 *
 * <p>Options: {@code --data DIR} (default {@code DATA_DIR} or ./data-bench-query), {@code --events N}
 * (only when generating), {@code --runs N} (default 5).
 */
final class UiBench {
    private UiBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = QueryBench.options(args);
        Path dir = Path.of(opts.getOrDefault("data", System.getenv().getOrDefault("DATA_DIR", "data-bench-query")));
        long events = Long.parseLong(opts.getOrDefault("events", "11800000"));
        String runs = opts.getOrDefault("runs", "5");
        Path ui = Path.of("ui").toAbsolutePath();
        if (!Files.isDirectory(ui.resolve("node_modules/playwright-core"))) {
            throw new IllegalStateException("ui/node_modules is missing: run ./footfall build (or npm ci in ui/) first");
        }
        Instant end = QueryBench.prepare(dir, events);
        List<String> jvm = List.of(System.getenv().getOrDefault("FOOTFALL_BENCH_SERVER_OPTS", "-Xmx4g").split(" "));
        try (ServerProcess server = ServerProcess.start(dir, jvm)) {
            Thread.sleep(10_000); // the User-Agent parser builds in the background after start: let it finish
            List<String> cmd = new ArrayList<>(List.of("node", "e2e/bench.mjs", "--base", "http://127.0.0.1:" + server.port(),
                    "--site", QueryBench.SITE.toString(), "--end", end.toString(), "--runs", runs));
            Process p = new ProcessBuilder(cmd).directory(ui.toFile()).inheritIO().start();
            if (!p.waitFor(15, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("ui/e2e/bench.mjs did not finish in 15 minutes");
            }
            if (p.exitValue() != 0) throw new IllegalStateException("ui/e2e/bench.mjs failed: exit " + p.exitValue());
        }
    }
}
