package io.footfall.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;

/** bcrypt password hashing (cost 10, as Umami). */
public final class Passwords {
    private static final int COST = 10;
    /** A valid hash to compare against when the user does not exist, so timing does not reveal usernames. */
    private static final String DUMMY = hash("footfall-dummy-password");

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
