package io.footfall.testing;

/**
 * The store a {@link TestServer} starts on. DuckDB unless a test class runs {@link OnPostgreSql} or the JVM
 * has {@code -Dfootfall.test.backend=postgresql} (which runs any test on PostgreSQL).
 */
public enum Backend {
    DUCKDB, POSTGRESQL;

    private static volatile Backend override;

    /** The backend for servers started now. */
    public static Backend current() {
        Backend o = override;
        if (o != null) return o;
        return "postgresql".equalsIgnoreCase(System.getProperty("footfall.test.backend")) ? POSTGRESQL : DUCKDB;
    }

    /** Set for the duration of a test class by {@link OnPostgreSql}; null restores the default. */
    static void override(Backend backend) {
        override = backend;
    }
}
