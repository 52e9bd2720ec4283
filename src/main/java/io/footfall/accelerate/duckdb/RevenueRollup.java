package io.footfall.accelerate.duckdb;

import io.footfall.query.EventScope;

public final class RevenueRollup {
    private RevenueRollup() {
    }

    public static boolean covers(EventScope scope) {
        return false;
    }
}
