package io.footfall.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The soak's per-minute RSS samples and whether they still rise: the means of the first and last ten minutes and
 * the least-squares slope over the second half of the run (the first half includes warm-up: JIT, heap growing to its
 * working size, DuckDB's buffers filling), in MiB per minute.
 */
final class RssTrend {
    private final List<Double> mib = new ArrayList<>();

    void add(double rssMiB) {
        mib.add(rssMiB);
    }

    /** Mean of samples [from, to) (clamped to what was sampled); NaN when there is none. */
    double mean(int from, int to) {
        int a = Math.max(0, from), b = Math.min(mib.size(), to);
        if (b <= a) return Double.NaN;
        double sum = 0;
        for (int i = a; i < b; i++) sum += mib.get(i);
        return sum / (b - a);
    }

    /** Least-squares slope (MiB per minute) of the samples from the middle of the run to its end; NaN with fewer than 2. */
    double secondHalfSlope() {
        int from = mib.size() / 2, n = mib.size() - from;
        if (n < 2) return Double.NaN;
        double mx = 0, my = 0;
        for (int i = from; i < mib.size(); i++) {
            mx += i;
            my += mib.get(i);
        }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0;
        for (int i = from; i < mib.size(); i++) {
            sxy += (i - mx) * (mib.get(i) - my);
            sxx += (i - mx) * (i - mx);
        }
        return sxy / sxx;
    }

    /** One line for the soak's summary. */
    String summary() {
        int n = mib.size(), w = Math.min(10, n);
        return String.format(Locale.ROOT, "RSS trend: first %d min mean %.0f MiB, last %d min mean %.0f MiB, slope over minutes %d-%d %+.2f MiB/min",
                w, mean(0, w), w, mean(n - w, n), n / 2 + 1, n, secondHalfSlope());
    }
}
