package io.footfall.config;

import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemoryBudgetTest {
    static final long MIB = 1024 * 1024;

    @Test
    void sizesTakeBinarySuffixesInAnyCase() {
        assertThat(MemoryBudget.parse("MEMORY_LIMIT", "512m")).isEqualTo(512 * MIB);
        assertThat(MemoryBudget.parse("MEMORY_LIMIT", "512MiB")).isEqualTo(512 * MIB);
        assertThat(MemoryBudget.parse("MEMORY_LIMIT", "512MB")).isEqualTo(512 * MIB);
        assertThat(MemoryBudget.parse("MEMORY_LIMIT", "2G")).isEqualTo(2048 * MIB);
        assertThat(MemoryBudget.parse("MEMORY_LIMIT", "1t")).isEqualTo(1024 * 1024 * MIB);
        assertThat(MemoryBudget.parse("MEMORY_LIMIT", "1048576k")).isEqualTo(1024 * MIB);
        assertThat(MemoryBudget.parse("MEMORY_LIMIT", "536870912")).isEqualTo(512 * MIB);
    }

    @Test
    void aBadLimitStopsTheStartNamingTheVariable() {
        for (String bad : List.of("lots", "512x", "-1g", "1.5g", "335m", "344063k", "2t", "99999999999999999999")) {
            assertThatThrownBy(() -> Settings.from(Map.of("MEMORY_LIMIT", bad)))
                    .as(bad).isInstanceOf(SettingsException.class).hasMessageStartingWith("MEMORY_LIMIT ");
        }
    }

    @Test
    void theMinimumGoesToHeapDuckDbAndTheRest() {
        MemoryBudget b = Settings.from(Map.of("MEMORY_LIMIT", "512m")).memory();
        assertThat(b.totalBytes()).isEqualTo(512 * MIB);
        assertThat(b.source()).isEqualTo("MEMORY_LIMIT");
        assertThat(b.heapBytes()).isEqualTo(176 * MIB);
        assertThat(b.duckDbBytes()).isEqualTo(80 * MIB);
        assertThat(b.jvmOptions()).containsExactly("-Xmx176m", "-Xms64m", "-XX:+UseCompactObjectHeaders", "-XX:+UseStringDeduplication", "-XX:+ExitOnOutOfMemoryError",
                "-XX:MarkStackSize=256k", "-XX:ReservedCodeCacheSize=64m");
        assertThat(b.duckDbMemoryLimit()).isEqualTo("80MiB");
        // (176 - 112) MiB of heap: a quarter for hits waiting to be shipped, an eighth for the ingest queue, 3/16 for
        // sessions (320 B each), a sixteenth for parsed User-Agents (512 B each), an eighth for requests (24 KiB each)
        assertThat(b.maxUnshippedHits()).isEqualTo(16_384);
        assertThat(Settings.from(Map.of("MEMORY_LIMIT", "512m")).ingestQueueCapacity()).isEqualTo(8_192);
        assertThat(b.maxTrackedSessions()).isEqualTo(39_321);
        assertThat(Settings.from(Map.of("MEMORY_LIMIT", "512m")).maxConcurrentRequests()).isEqualTo(341);
        assertThat(b.userAgentCacheEntries()).isEqualTo(8_192);
    }

    @Test
    void theSmallTierCutsHeapAndDuckDbDownTo336m() {
        // (limit, heap MiB, DuckDB MiB, DuckDB threads, hits waiting to be shipped, ingest queue): of each MiB above
        // 336m heap and DuckDB get 2/11 each (144 and 48 at the bottom), so both meet the full tier's 176 / 80 at 512m;
        // the queued-hit allowances, sessions and User-Agents follow the heap above its 112 MiB baseline.
        long[][] tiers = {
                {336, 144, 48, 1, 8_192, 4_096, 19_660, 4_096, 170},
                {350, 146, 50, 1, 8_704, 4_352, 20_889, 4_352, 181},
                {384, 152, 56, 1, 10_240, 5_120, 24_576, 5_120, 213},
                {448, 164, 68, 1, 13_312, 6_656, 31_948, 6_656, 277},
                {511, 175, 79, 1, 16_128, 8_064, 38_707, 8_064, 336},
                {512, 176, 80, 2, 16_384, 8_192, 39_321, 8_192, 341},
        };
        for (long[] t : tiers) {
            MemoryBudget b = Settings.from(Map.of("MEMORY_LIMIT", t[0] + "m")).memory();
            assertThat(b.heapBytes()).as(t[0] + "m heap").isEqualTo(t[1] * MIB);
            assertThat(b.duckDbBytes()).as(t[0] + "m DuckDB").isEqualTo(t[2] * MIB);
            assertThat(MemoryBudget.of(t[0] * MIB, "test", 8).duckDbThreads()).as(t[0] + "m threads").isEqualTo((int) t[3]);
            assertThat(b.maxUnshippedHits()).as(t[0] + "m unshipped").isEqualTo((int) t[4]);
            assertThat(Settings.from(Map.of("MEMORY_LIMIT", t[0] + "m")).ingestQueueCapacity()).as(t[0] + "m queue").isEqualTo((int) t[5]);
            assertThat(b.maxTrackedSessions()).as(t[0] + "m sessions").isEqualTo((int) t[6]);
            assertThat(b.userAgentCacheEntries()).as(t[0] + "m User-Agents").isEqualTo((int) t[7]);
            assertThat(Settings.from(Map.of("MEMORY_LIMIT", t[0] + "m")).maxConcurrentRequests()).as(t[0] + "m requests").isEqualTo((int) t[8]);
        }
        MemoryBudget least = Settings.from(Map.of("MEMORY_LIMIT", "336m")).memory();
        assertThat(least.duckDbMemoryLimit()).isEqualTo("48MiB");
        assertThat(least.jvmOptions()).containsExactly("-Xmx144m", "-Xms64m", "-XX:+UseCompactObjectHeaders", "-XX:+UseStringDeduplication", "-XX:+ExitOnOutOfMemoryError",
                "-XX:MarkStackSize=256k", "-XX:ReservedCodeCacheSize=64m", "-XX:TieredStopAtLevel=1");
        assertThat(Settings.from(Map.of("MEMORY_LIMIT", "511m")).memory().jvmOptions()).contains("-XX:TieredStopAtLevel=1");
    }

    @Test
    void memoryAboveTheMinimumGoesHalfToDuckDb() {
        MemoryBudget b = Settings.from(Map.of("MEMORY_LIMIT", "2g")).memory();
        assertThat(b.heapBytes()).isEqualTo(560 * MIB); // 176 + 1536 / 4
        assertThat(b.duckDbBytes()).isEqualTo(848 * MIB); // 80 + 1536 / 2
        assertThat(b.jvmOptions()).containsExactly("-Xmx560m", "-Xms64m", "-XX:+UseCompactObjectHeaders", "-XX:+UseStringDeduplication", "-XX:+ExitOnOutOfMemoryError",
                "-XX:MarkStackSize=256k", "-XX:ReservedCodeCacheSize=64m");
        assertThat(Settings.from(Map.of("MEMORY_LIMIT", "4g")).memory().jvmOptions())
                .containsExactly("-Xmx1072m", "-Xms64m", "-XX:+UseCompactObjectHeaders", "-XX:+UseStringDeduplication",
                        "-XX:+ExitOnOutOfMemoryError");
        assertThat(b.maxUnshippedHits()).isEqualTo(100_000);
        assertThat(Settings.from(Map.of("MEMORY_LIMIT", "2g")).ingestQueueCapacity()).isEqualTo(50_000); // 57,344 by the rule, capped
        assertThat(b.maxTrackedSessions()).isEqualTo(275_251);
        assertThat(Settings.from(Map.of("MEMORY_LIMIT", "2g")).maxConcurrentRequests()).isEqualTo(2_389);
        assertThat(Settings.from(Map.of("MEMORY_LIMIT", "2g", "MAX_CONCURRENT_REQUESTS", "7")).maxConcurrentRequests()).isEqualTo(7);
        assertThat(b.userAgentCacheEntries()).isEqualTo(50_000); // 57,344 by the rule, capped
        assertThat(Settings.from(Map.of("MEMORY_LIMIT", "2g", "INGEST_QUEUE_CAPACITY", "123")).ingestQueueCapacity()).isEqualTo(123);
    }

    @Test
    void aSmallBudgetGetsFewerDuckDbThreads() {
        assertThat(MemoryBudget.of(512 * MIB, "test", 8).duckDbThreads()).isEqualTo(2); // 80 MiB for DuckDB
        assertThat(MemoryBudget.of(1024 * MIB, "test", 8).duckDbThreads()).isEqualTo(8); // 336 MiB
        assertThat(MemoryBudget.of(4096 * MIB, "test", 8).duckDbThreads()).isEqualTo(8);
        assertThat(MemoryBudget.of(4096 * MIB, "test", 2).duckDbThreads()).isEqualTo(2);
    }

    @Test
    void unsetItIsSizedFromTheMachineOrContainer() {
        MemoryBudget b = Settings.from(Map.of()).memory();
        long container = MemoryBudget.containerLimit();
        long machine = MemoryBudget.machineBytes();
        long expected = container > 0 && container < machine ? (long) (container * 0.8) : machine / 2;
        assertThat(b.totalBytes()).isEqualTo(Math.max(MemoryBudget.MIN_BYTES, expected));
    }

    /** Runs what the launcher runs before starting the server: {@code java io.footfall.config.MemoryBudget}. */
    static String[] launcherHelper(String memoryLimit) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MemoryBudget.class.getName());
        pb.environment().put("MEMORY_LIMIT", memoryLimit);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        String err = new String(p.getErrorStream().readAllBytes()).trim();
        return new String[]{Integer.toString(p.waitFor()), out, err};
    }

    @Test
    void theLauncherGetsTheHeapOptionsOrTheError() throws Exception {
        assertThat(launcherHelper("768m")).containsExactly("0",
                "-Xmx240m -Xms64m -XX:+UseCompactObjectHeaders -XX:+UseStringDeduplication -XX:+ExitOnOutOfMemoryError -XX:MarkStackSize=256k -XX:ReservedCodeCacheSize=64m", "");
        assertThat(launcherHelper("half")).containsExactly("2", "",
                "footfall: invalid setting: MEMORY_LIMIT must be a size such as 512m or 2g, got 'half'");
    }

    @Test
    void theStoreRunsWithDuckDbsShare() {
        try (TestServer server = TestServer.start(Map.of("MEMORY_LIMIT", "1g"))) { // 336 MiB for DuckDB
            var row = server.query("SELECT current_setting('memory_limit') AS m, current_setting('threads') AS t").getFirst();
            assertThat(row.get("m")).isEqualTo("336.0 MiB");
            assertThat(((Number) row.get("t")).intValue()).isEqualTo(Math.min(Runtime.getRuntime().availableProcessors(), 8));
        }
    }
}
