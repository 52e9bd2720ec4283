package io.footfall.store;

import io.footfall.store.meta.TwoFactor;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where TOTP setups and their backup codes are kept. */
public interface TwoFactorStore {
    Optional<TwoFactor> find(UUID userId) throws SQLException;

    /** Starts (or restarts) a pending setup with a new secret. */
    void savePending(UUID userId, String secretEncrypted, Instant at) throws SQLException;

    /** Enables the setup, records the confirming code's step and replaces the backup codes. */
    void enable(UUID userId, long step, List<String> backupCodeHashes, Instant at) throws SQLException;

    /**
     * Records an accepted code's step, only if it is later than the last one; whether it was (false: the code or an
     * earlier one was already used).
     */
    boolean advanceStep(UUID userId, long step) throws SQLException;

    /** Unused backup codes: id and bcrypt hash. */
    List<BackupCode> unusedBackupCodes(UUID userId) throws SQLException;

    /** Marks a backup code used, if it still was unused; whether it was. */
    boolean useBackupCode(UUID codeId, Instant at) throws SQLException;

    /** Removes the setup (pending or enabled) and its backup codes; {@code onlyPending} keeps an enabled one. */
    void delete(UUID userId, boolean onlyPending) throws SQLException;

    record BackupCode(UUID id, String hash) {
    }
}
