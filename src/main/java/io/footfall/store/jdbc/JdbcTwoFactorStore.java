package io.footfall.store.jdbc;

import io.footfall.store.meta.TwoFactor;
import io.footfall.store.Connections;
import io.footfall.store.Sql;
import io.footfall.store.TwoFactorStore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** TOTP setups and backup codes in portable SQL (tables {@code two_factor}, {@code two_factor_backup_code}). */
public final class JdbcTwoFactorStore implements TwoFactorStore {
    private final Connections db;
    private final JdbcRows rows;

    public JdbcTwoFactorStore(Connections db) {
        this.db = db;
        this.rows = new JdbcRows(db);
    }

    @Override
    public Optional<TwoFactor> find(UUID userId) throws SQLException {
        return rows.one("SELECT * FROM two_factor WHERE user_id = ?", JdbcTwoFactorStore::setup, userId);
    }

    @Override
    public void savePending(UUID userId, String secretEncrypted, Instant at) throws SQLException {
        db.write(c -> {
            // An update where a row exists: DuckDB refuses a delete and re-insert of one key in a transaction.
            int updated = JdbcRows.execute(c, "UPDATE two_factor SET secret_encrypted = ?, enabled = FALSE, "
                    + "last_used_step = NULL, created_at = ?, enabled_at = NULL WHERE user_id = ?", secretEncrypted, at, userId);
            if (updated == 0) {
                JdbcRows.execute(c, "INSERT INTO two_factor (user_id, secret_encrypted, enabled, last_used_step, created_at, "
                        + "enabled_at) VALUES (?, ?, FALSE, NULL, ?, NULL)", userId, secretEncrypted, at);
            }
            return null;
        });
    }

    @Override
    public void enable(UUID userId, long step, List<String> backupCodeHashes, Instant at) throws SQLException {
        db.write(c -> {
            JdbcRows.execute(c, "UPDATE two_factor SET enabled = TRUE, last_used_step = ?, enabled_at = ? WHERE user_id = ?",
                    step, at, userId);
            JdbcRows.execute(c, "DELETE FROM two_factor_backup_code WHERE user_id = ?", userId);
            for (String hash : backupCodeHashes) {
                JdbcRows.execute(c, "INSERT INTO two_factor_backup_code (code_id, user_id, code_hash, used_at) VALUES (?, ?, ?, NULL)",
                        UUID.randomUUID(), userId, hash);
            }
            return null;
        });
    }

    @Override
    public boolean advanceStep(UUID userId, long step) throws SQLException {
        return rows.update("UPDATE two_factor SET last_used_step = ? WHERE user_id = ? "
                + "AND (last_used_step IS NULL OR last_used_step < ?)", step, userId, step) > 0;
    }

    @Override
    public List<BackupCode> unusedBackupCodes(UUID userId) throws SQLException {
        return rows.list("SELECT code_id, code_hash FROM two_factor_backup_code WHERE user_id = ? AND used_at IS NULL",
                rs -> new BackupCode(Sql.uuid(rs, "code_id"), rs.getString("code_hash")), userId);
    }

    @Override
    public boolean useBackupCode(UUID codeId, Instant at) throws SQLException {
        return rows.update("UPDATE two_factor_backup_code SET used_at = ? WHERE code_id = ? AND used_at IS NULL", at, codeId) > 0;
    }

    @Override
    public void delete(UUID userId, boolean onlyPending) throws SQLException {
        db.write(c -> {
            int removed = JdbcRows.execute(c, "DELETE FROM two_factor WHERE user_id = ?" + (onlyPending ? " AND enabled = FALSE" : ""),
                    userId);
            if (removed > 0 || !onlyPending) JdbcRows.execute(c, "DELETE FROM two_factor_backup_code WHERE user_id = ?", userId);
            return null;
        });
    }

    private static TwoFactor setup(ResultSet rs) throws SQLException {
        long step = rs.getLong("last_used_step");
        Long lastStep = rs.wasNull() ? null : step;
        return new TwoFactor(Sql.uuid(rs, "user_id"), rs.getString("secret_encrypted"), rs.getBoolean("enabled"), lastStep,
                Sql.instant(rs, "created_at"), Sql.instant(rs, "enabled_at"));
    }
}
