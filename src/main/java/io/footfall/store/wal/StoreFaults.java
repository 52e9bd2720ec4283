package io.footfall.store.wal;

import java.sql.SQLException;

/**
 * Tells a failure of the store itself (out of memory, disk, connection: it passes) from a hit the store rejects
 * (a value it cannot hold: it fails every time). Only the latter may ever be dropped from the log.
 */
final class StoreFaults {
    private StoreFaults() {
    }

    /** DuckDB names the kind of error first in its message; PostgreSQL gives an SQLSTATE class. */
    private static final String[] DUCKDB_KINDS = {"Out of Memory Error", "IO Error", "Interrupt Error", "Connection Error", "FATAL Error"};
    /** Connection, insufficient resources, operator intervention, system error, transaction rollback (serialization). */
    private static final String[] SQLSTATE_CLASSES = {"08", "53", "57", "58", "40"};

    /** True when {@code failure} (or a cause of it) says the store could not work, whatever the hits. */
    static boolean isStoreFault(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null) {
                for (String kind : DUCKDB_KINDS) if (m.startsWith(kind) || m.contains(": " + kind)) return true;
                if (m.contains("could not allocate") || m.contains("No space left on device")) return true;
            }
            if (t instanceof SQLException e && e.getSQLState() != null) {
                for (String c : SQLSTATE_CLASSES) if (e.getSQLState().startsWith(c)) return true;
            }
            if (t instanceof OutOfMemoryError || t instanceof java.io.IOException) return true;
        }
        return false;
    }
}
