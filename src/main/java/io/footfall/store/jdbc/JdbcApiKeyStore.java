package io.footfall.store.jdbc;

import io.footfall.store.meta.ApiKey;
import io.footfall.store.ApiKeyStore;
import io.footfall.store.Connections;
import io.footfall.store.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** API keys in portable SQL (table {@code api_key}). */
public final class JdbcApiKeyStore implements ApiKeyStore {
    private static final String COLUMNS =
            "api_key_id, user_id, name, key_prefix, key_last4, key_hash, key_encrypted, created_at, last_used_at";

    private final JdbcRows rows;

    public JdbcApiKeyStore(Connections db) {
        this.rows = new JdbcRows(db);
    }

    @Override
    public void insert(ApiKey k) throws SQLException {
        rows.update("INSERT INTO api_key (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", k.id(), k.userId(),
                k.name(), k.prefix(), k.last4(), k.hash(), k.encrypted(), k.createdAt(), k.lastUsedAt());
    }

    @Override
    public Optional<ApiKey> findByHash(String hash) throws SQLException {
        return rows.one("SELECT " + COLUMNS + " FROM api_key WHERE key_hash = ?", JdbcApiKeyStore::key, hash);
    }

    @Override
    public List<ApiKey> listOfUser(UUID userId) throws SQLException {
        return rows.list("SELECT " + COLUMNS + " FROM api_key WHERE user_id = ? ORDER BY created_at DESC, api_key_id",
                JdbcApiKeyStore::key, userId);
    }

    @Override
    public boolean delete(UUID keyId, UUID userId) throws SQLException {
        return rows.update("DELETE FROM api_key WHERE api_key_id = ? AND user_id = ?", keyId, userId) > 0;
    }

    @Override
    public void markUsed(UUID keyId, Instant at) throws SQLException {
        rows.update("UPDATE api_key SET last_used_at = ? WHERE api_key_id = ?", at, keyId);
    }

    private static ApiKey key(ResultSet rs) throws SQLException {
        return new ApiKey(Sql.uuid(rs, "api_key_id"), Sql.uuid(rs, "user_id"), rs.getString("name"),
                rs.getString("key_prefix"), rs.getString("key_last4"), rs.getString("key_hash"),
                rs.getString("key_encrypted"), Sql.instant(rs, "created_at"), Sql.instant(rs, "last_used_at"));
    }
}
