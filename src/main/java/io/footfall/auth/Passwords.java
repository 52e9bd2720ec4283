package io.footfall.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;

import java.nio.charset.StandardCharsets;

/**
 * bcrypt password hashing (cost 10, as Umami). bcrypt reads at most 72 bytes; longer passwords are cut
 * there, as Umami's bcryptjs does, instead of being refused (the library's default throws, which would be a 500).
 */
public final class Passwords {
    private static final int COST = 10;
    private static final LongPasswordStrategy CUT_AT_72_BYTES = LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2A);
    private static final BCrypt.Hasher HASHER = BCrypt.with(BCrypt.Version.VERSION_2A, CUT_AT_72_BYTES);
    private static final BCrypt.Verifyer VERIFYER = BCrypt.verifyer(BCrypt.Version.VERSION_2A, CUT_AT_72_BYTES);
    /**
     * Any valid cost-10 hash, compared against when the user does not exist so that timing does not reveal
     * usernames; the result is ignored. A literal: computing one would cost every start a hash.
     */
    private static final String DUMMY = "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";

    private Passwords() {
    }

    public static String hash(String password) {
        return HASHER.hashToString(COST, password.toCharArray());
    }

    public static boolean matches(String password, String hash) {
        if (hash == null) {
            VERIFYER.verify(password.getBytes(StandardCharsets.UTF_8), DUMMY.getBytes(StandardCharsets.UTF_8));
            return false;
        }
        return VERIFYER.verify(password.getBytes(StandardCharsets.UTF_8),
                hash.getBytes(StandardCharsets.UTF_8)).verified;
    }
}
