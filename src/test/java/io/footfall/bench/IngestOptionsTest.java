package io.footfall.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngestOptionsTest {
    @Test
    void defaultsKeepTheShortWarmUpEarlierFiguresWereTakenWith() {
        IngestOptions o = IngestOptions.parse();
        assertEquals(15, o.seconds());
        assertEquals(List.of(8, 64), o.levels());
        assertEquals(3, o.warmupSeconds());
        assertEquals(Long.MAX_VALUE, o.warmupHits());
        assertEquals(8, o.warmupConcurrency());
        assertNull(o.data());
        assertEquals("duckdb", o.store());
    }

    @Test
    void warmUpLengthAndConcurrencyAreOptionsForEitherStore() {
        IngestOptions o = IngestOptions.parse("--store", "postgresql", "--warmup", "60", "--warmup-concurrency", "64", "--warmup-hits", "300000",
                "--seconds", "20", "--concurrency", "64, 128", "--data", "/tmp/x");
        assertEquals(60, o.warmupSeconds());
        assertEquals(64, o.warmupConcurrency());
        assertEquals(300_000, o.warmupHits());
        assertEquals(20, o.seconds());
        assertEquals(List.of(64, 128), o.levels());
        assertEquals(Path.of("/tmp/x"), o.data());
        assertEquals("postgresql", o.store());
    }

    @Test
    void noWarmUpAndCapsOnLengths() {
        assertEquals(0, IngestOptions.parse("--warmup", "0").warmupSeconds());
        assertEquals(IngestOptions.MAX_WARMUP_SECONDS, IngestOptions.parse("--warmup", "100000").warmupSeconds());
        assertEquals(IngestOptions.MAX_SECONDS, IngestOptions.parse("--seconds", "1000").seconds());
    }

    @Test
    void badValuesAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IngestOptions.parse("--warmup", "-1")).getMessage().contains("--warmup"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IngestOptions.parse("--warmup", "ten")).getMessage().contains("ten"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IngestOptions.parse("--warmup-concurrency", "0")).getMessage()
                .contains("--warmup-concurrency"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IngestOptions.parse("--warmup-hits", "0")).getMessage().contains("--warmup-hits"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IngestOptions.parse("--warmup")).getMessage().contains("needs a value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IngestOptions.parse("--warm", "5")).getMessage().contains("--warm"));
    }
}
