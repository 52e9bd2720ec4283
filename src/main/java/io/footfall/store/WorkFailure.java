package io.footfall.store;

import java.sql.SQLException;
import java.util.concurrent.ExecutionException;

/** What database work run on another thread failed with, thrown again as the work itself threw it. */
public final class WorkFailure {
    private WorkFailure() {
    }

    /** Throws the cause of {@code e} unchanged when it is a SQL, runtime or error failure; otherwise wraps it. */
    public static SQLException rethrow(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof SQLException s) return s;
        if (cause instanceof RuntimeException r) throw r;
        if (cause instanceof Error err) throw err;
        return new SQLException(cause);
    }
}
