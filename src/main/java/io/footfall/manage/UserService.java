package io.footfall.manage;

import io.footfall.auth.Passwords;
import io.footfall.store.MetaStore;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Accounts: the first-start admin, credential checks and password changes. */
public final class UserService {
    public static final String DEFAULT_ADMIN = "admin";
    public static final String DEFAULT_PASSWORD = "umami";
    public static final int MIN_PASSWORD_LENGTH = 8;

    private final MetaStore meta;

    public UserService(MetaStore meta) {
        this.meta = meta;
    }

    /** Creates admin/umami when there are no users yet (as Umami does); returns whether it did. */
    public boolean ensureDefaultAdmin() throws SQLException {
        if (meta.countUsers() > 0) return false;
        meta.insertUser(new User(UUID.randomUUID(), DEFAULT_ADMIN, Passwords.hash(DEFAULT_PASSWORD), User.ADMIN, Instant.now()));
        return true;
    }

    /** The user when the credentials are right. */
    public Optional<User> authenticate(String username, String password) throws SQLException {
        Optional<User> user = meta.findUserByUsername(username);
        boolean ok = Passwords.matches(password, user.map(User::passwordHash).orElse(null));
        return ok ? user : Optional.empty();
    }

    public Optional<User> find(UUID id) throws SQLException {
        return meta.findUserById(id);
    }

    /** Changes the password after checking the current one; returns false when the current one is wrong. */
    public boolean changePassword(User user, String currentPassword, String newPassword) throws SQLException {
        User fresh = meta.findUserById(user.id()).orElse(null);
        if (fresh == null || !Passwords.matches(currentPassword, fresh.passwordHash())) return false;
        meta.updatePassword(user.id(), Passwords.hash(newPassword));
        return true;
    }
}
