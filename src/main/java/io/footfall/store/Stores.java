package io.footfall.store;

import io.footfall.config.Settings;
import io.footfall.config.SettingsException;
import io.footfall.store.duckdb.DuckDbConnections;
import io.footfall.store.duckdb.DuckDbEventStore;
import io.footfall.store.jdbc.JdbcMetaStore;

import java.sql.SQLException;

/** The open stores of the configured backend; closing it closes the database cleanly. */
public record Stores(EventStore events, MetaStore meta, Connections connections, String backend) implements AutoCloseable {

    /** Opens the backend chosen by DATABASE_URL (embedded DuckDB under DATA_DIR when unset) and migrates it. */
    public static Stores open(Settings settings) throws SQLException {
        String url = settings.databaseUrl();
        if (url != null && !url.startsWith("duckdb:")) {
            throw new SettingsException("DATABASE_URL: only the embedded store is available in this build "
                    + "(leave DATABASE_URL unset, or use duckdb:/path/to/file.duckdb), got '" + url.replaceAll("//[^@/]*@", "//***@") + "'");
        }
        var file = url != null ? java.nio.file.Path.of(url.substring("duckdb:".length()))
                : settings.dataDir().resolve("footfall.duckdb");
        DuckDbConnections db = DuckDbConnections.open(file, Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
        try {
            Migrations.apply(db, "duckdb");
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
        return new Stores(new DuckDbEventStore(db), new JdbcMetaStore(db), db, "duckdb");
    }

    @Override
    public void close() {
        connections.close();
    }
}
