package io.footfall.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RssTrendTest {
    @Test
    void slopeIsFittedOverTheSecondHalfOnly() {
        RssTrend t = new RssTrend();
        // A warm-up climb of 10 MiB a minute, then 400 + 0.5 per minute: the slope must ignore the climb.
        for (int m = 0; m < 10; m++) t.add(300 + 10 * m);
        for (int m = 10; m < 20; m++) t.add(400 + 0.5 * (m - 10));
        assertEquals(0.5, t.secondHalfSlope(), 1e-9);
        assertEquals(345.0, t.mean(0, 10), 1e-9);
        assertEquals(402.25, t.mean(10, 20), 1e-9);
        assertEquals("RSS trend: first 10 min mean 345 MiB, last 10 min mean 402 MiB, slope over minutes 11-20 +0.50 MiB/min", t.summary());
    }

    @Test
    void flatButNoisySamplesHaveAZeroSlope() {
        RssTrend t = new RssTrend();
        double[] samples = {410, 430, 420, 420, 430, 410, 420, 430, 410, 420, 410, 430, 420};
        for (double s : samples) t.add(s);
        // Second half = indexes 6..12: 420 430 410 420 410 430 420, symmetric around its middle.
        assertEquals(0.0, t.secondHalfSlope(), 1e-9);
    }

    @Test
    void tooFewSamplesGiveNoSlope() {
        RssTrend t = new RssTrend();
        t.add(400);
        assertTrue(Double.isNaN(t.secondHalfSlope()));
    }
}
