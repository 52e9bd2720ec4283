package io.footfall;

import io.footfall.accelerate.duckdb.RollupKeeper;
import io.footfall.accelerate.postgres.PostgresRollupKeeper;
import io.footfall.config.Settings;
import io.footfall.config.SettingsException;
import io.footfall.store.SqlTrace;
import io.footfall.store.Stores;
import io.footfall.store.duckdb.DuckDbStores;
import io.footfall.store.postgres.PostgresStores;
import io.footfall.store.postgres.PostgresUrl;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Which backend stores the data: PostgreSQL when {@code DATABASE_URL=postgresql://...}, else the embedded DuckDB file
 * (under DATA_DIR, or {@code duckdb:/path}) with its rollups kept by the accelerator. The one place that knows every
 * backend, so the store packages need not know each other or the accelerators.
 */
final class StoreChoice {
    private StoreChoice() {
    }

    /** Opens the backend chosen by DATABASE_URL (embedded DuckDB under DATA_DIR when unset) and migrates it. */
    static Stores open(Settings settings) throws SQLException {
        SqlTrace.configure(settings.queryOptions().trace());
        String url = settings.databaseUrl();
        if (PostgresUrl.matches(url)) return PostgresStores.open(settings, PostgresUrl.parse(url), new PostgresRollupKeeper());
        Path file = DuckDbStores.file(settings);
        if (file == null) {
            throw new SettingsException("DATABASE_URL: expected postgresql://user:password@host:5432/database "
                    + "(or leave it unset for the embedded store, or use duckdb:/path/to/file.duckdb), got '" + url.replaceAll("//[^@/]*@", "//***@") + "'");
        }
        return DuckDbStores.open(settings, file, new RollupKeeper());
    }
}
