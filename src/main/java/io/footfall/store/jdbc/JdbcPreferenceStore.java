package io.footfall.store.jdbc;

import io.footfall.store.meta.Preferences;
import io.footfall.store.Connections;
import io.footfall.store.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** The user_preference table (V30) in portable SQL: one row per user who changed a preference. */
public final class JdbcPreferenceStore {
    private final Connections db;

    public JdbcPreferenceStore(Connections db) {
        this.db = db;
    }

    public Preferences find(UUID userId) throws SQLException {
        return db.read(c -> find(c, userId));
    }

    private static Preferences find(Connection c, UUID userId) throws SQLException {
        try (var ps = c.prepareStatement("SELECT language, time_zone, theme, date_range FROM user_preference WHERE user_id = ?")) {
            Sql.bind(ps, userId);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? new Preferences(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)) : Preferences.NONE;
            }
        }
    }

    /** Applies {@code change} to the stored preferences in one write transaction and returns the result. */
    public Preferences update(UUID userId, UnaryOperator<Preferences> change, Instant at) throws SQLException {
        return db.write(c -> {
            Preferences next = change.apply(find(c, userId));
            // Upsert spelled the same in DuckDB and PostgreSQL.
            try (var ps = c.prepareStatement("INSERT INTO user_preference (user_id, language, time_zone, theme, date_range, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET language = excluded.language, "
                    + "time_zone = excluded.time_zone, theme = excluded.theme, date_range = excluded.date_range, "
                    + "updated_at = excluded.updated_at")) {
                Sql.bind(ps, userId, next.language(), next.timezone(), next.theme(), next.dateRange(), at);
                ps.executeUpdate();
            }
            return next;
        });
    }
}
