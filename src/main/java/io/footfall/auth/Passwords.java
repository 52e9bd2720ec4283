package io.footfall.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;

/** bcrypt password hashing (cost 10, as Umami). */
public final class Passwords {
    private static final int COST = 10;
    /**
     * Any valid cost-10 hash, compared against when the user does not exist so that timing does not reveal
     * usernames; the result is ignored. A literal: computing one would cost every start a hash.
     */
    private static final String DUMMY = "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";

    private Passwords() {
    }

    public static String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    public static boolean matches(String password, String hash) {
        if (hash == null) {
            BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8), DUMMY.getBytes(StandardCharsets.UTF_8));
            return false;
        }
        return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                hash.getBytes(StandardCharsets.UTF_8)).verified;
    }
}
