package io.footfall.http;

import java.sql.SQLException;

/**
 * A read that needs more memory than the database's share of {@code MEMORY_LIMIT} (DuckDB spills sorts and
 * joins to disk, but not every operator can) is the server's limit, not a fault: it gets a 503 that says so,
 * instead of a 500.
 */
final class DatabaseOutOfMemory {
    private DatabaseOutOfMemory() {
    }

    /** The 503 for a failure caused by the database running out of memory, or null for any other failure. */
    static ApiException answerFor(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && e.getMessage() != null && e.getMessage().startsWith("Out of Memory Error")) {
                return ApiException.unavailable("This request needs more memory than the database may use (MEMORY_LIMIT): "
                        + "try a shorter date range, or give the server more memory", 30);
            }
        }
        return null;
    }
}
