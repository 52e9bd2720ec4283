package io.footfall.auth;

import io.footfall.store.meta.TwoFactor;
import io.footfall.store.TwoFactorStore;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Two-factor login with TOTP, as Umami 3.3: a user starts a setup (a new secret, kept encrypted), confirms it
 * with a code (which enables it and issues {@link #BACKUP_CODES} single-use backup codes), and from then on
 * a login needs a code or a backup code. Every code is checked against the current time step ±1 and accepted
 * once; wrong codes count towards a per-user lock ({@link TwoFactorAttempts}). Routes turn the outcomes into
 * HTTP answers.
 */
public final class TwoFactorService {
    public static final String ISSUER = "Footfall";
    static final int BACKUP_CODES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The result of checking a code or backup code. */
    public enum Check { OK, INVALID, REUSED, LOCKED }

    /** A setup just started: the secret to type in, and the URI a QR code carries. */
    public record Setup(String secret, String uri) {
    }

    private final TwoFactorStore store;
    private final SecretBox box;
    private final TwoFactorAttempts attempts;
    private final Clock clock;

    public TwoFactorService(TwoFactorStore store, SecretBox box, TwoFactorAttempts attempts, Clock clock) {
        this.store = store;
        this.box = box;
        this.attempts = attempts;
        this.clock = clock;
    }

    public boolean isEnabled(UUID userId) throws SQLException {
        return store.find(userId).map(TwoFactor::enabled).orElse(false);
    }

    /** Starts (or restarts) a pending setup; null when two-factor login is already on. */
    public Setup initiate(UUID userId, String username) throws SQLException {
        if (isEnabled(userId)) return null;
        String secret = Totp.newSecret();
        store.savePending(userId, box.encrypt(secret), clock.instant());
        return new Setup(secret, Totp.uri(ISSUER, username, secret));
    }

    public boolean hasPendingSetup(UUID userId) throws SQLException {
        return store.find(userId).map(t -> !t.enabled()).orElse(false);
    }

    /**
     * Enables a pending setup when {@code code} is right; the backup codes (shown once) in {@code backupCodesOut}.
     */
    public Check confirm(UUID userId, String code, List<String> backupCodesOut) throws SQLException {
        TwoFactor t = store.find(userId).filter(x -> !x.enabled()).orElseThrow(() -> new IllegalStateException("no pending setup"));
        if (attempts.lockedUntil(userId) != null) return Check.LOCKED;
        OptionalLong step = Totp.matchingStep(secret(t), code, clock.instant());
        if (step.isEmpty()) return failure(userId);
        List<String> plain = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < BACKUP_CODES; i++) {
            String c = backupCode();
            plain.add(c);
            hashes.add(Passwords.hash(c));
        }
        store.enable(userId, step.getAsLong(), hashes, clock.instant());
        attempts.reset(userId);
        backupCodesOut.addAll(plain);
        return Check.OK;
    }

    /** Checks a TOTP code of an enabled setup, and uses it up. */
    public Check checkCode(UUID userId, String code) throws SQLException {
        TwoFactor t = store.find(userId).filter(TwoFactor::enabled).orElseThrow(() -> new IllegalStateException("not enabled"));
        if (attempts.lockedUntil(userId) != null) return Check.LOCKED;
        OptionalLong step = Totp.matchingStep(secret(t), code, clock.instant());
        if (step.isEmpty()) return failure(userId);
        if (!store.advanceStep(userId, step.getAsLong())) return Check.REUSED;
        attempts.reset(userId);
        return Check.OK;
    }

    /** Checks a backup code of an enabled setup, and uses it up. */
    public Check checkBackupCode(UUID userId, String code) throws SQLException {
        if (attempts.lockedUntil(userId) != null) return Check.LOCKED;
        String normalized = code.trim().toUpperCase(Locale.ROOT);
        for (TwoFactorStore.BackupCode b : store.unusedBackupCodes(userId)) {
            if (Passwords.matches(normalized, b.hash())) {
                if (!store.useBackupCode(b.id(), clock.instant())) return failure(userId);
                attempts.reset(userId);
                return Check.OK;
            }
        }
        return failure(userId);
    }

    /** Until when the user's code checks are locked, or null. */
    public Instant lockedUntil(UUID userId) {
        return attempts.lockedUntil(userId);
    }

    public void cancelPending(UUID userId) throws SQLException {
        store.delete(userId, true);
    }

    public void disable(UUID userId) throws SQLException {
        store.delete(userId, false);
        attempts.reset(userId);
    }

    /**
     * The setup's secret. One sealed under an earlier APP_SECRET cannot be read: an administrator removes the setup
     * ({@code DELETE /api/admin/users/:userId/2fa}) and the user sets it up again.
     */
    private String secret(TwoFactor t) {
        try {
            return box.decrypt(t.secretEncrypted());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the two-factor secret of user " + t.userId()
                    + " was sealed with another APP_SECRET; reset it with DELETE /api/admin/users/:userId/2fa", e);
        }
    }

    /** A wrong code: counted, and still answered as wrong even when it is the one that locks (as Umami). */
    private Check failure(UUID userId) {
        attempts.recordFailure(userId);
        return Check.INVALID;
    }

    /** Ten hex characters, a dash, ten more (80 bits), upper case — Umami's format. */
    private static String backupCode() {
        byte[] b = new byte[10];
        RANDOM.nextBytes(b);
        String hex = HexFormat.of().withUpperCase().formatHex(b);
        return hex.substring(0, 10) + "-" + hex.substring(10);
    }
}
