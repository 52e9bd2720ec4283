package io.footfall.manage;

import io.footfall.store.meta.PageOf;
import io.footfall.store.meta.User;
import io.footfall.store.meta.UserListing;
import io.footfall.store.meta.Website;
import io.footfall.auth.Passwords;
import io.footfall.store.MetaStore;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Accounts: the first-start admin, credential checks, and the admin's user management. Validation of input
 * shapes happens in the HTTP layer, permissions in {@code auth.Permissions}; this enforces store rules.
 */
public final class UserService {
    public static final String DEFAULT_ADMIN = "admin";
    public static final String DEFAULT_PASSWORD = "umami";
    public static final int MIN_PASSWORD_LENGTH = 8;
    public static final Set<String> ROLES = Set.of(User.ADMIN, User.USER, User.VIEW_ONLY);

    private final MetaStore meta;
    private final WebsiteService websites;
    /** Makes "is the username free?" and the write that takes it one step, so two requests cannot both get it. */
    private final ReentrantLock usernames = new ReentrantLock();

    /** Users by id: every authenticated request looks its user up. Dropped here on every change. */
    private final LookupCache<UUID, User> byId;

    public UserService(MetaStore meta, WebsiteService websites) {
        this.meta = meta;
        this.byId = new LookupCache<>(meta::findUserById);
        this.websites = websites;
    }

    /** Creates admin/umami when there are no users yet (as Umami does); returns whether it did. */
    public boolean ensureDefaultAdmin() throws SQLException {
        if (meta.countUsers() > 0) return false;
        meta.insertUser(new User(UUID.randomUUID(), DEFAULT_ADMIN, Passwords.hash(DEFAULT_PASSWORD), User.ADMIN, Instant.now()));
        return true;
    }

    /**
     * Whether the account named admin still logs in with the default password (the dashboard's banner).
     * The bcrypt check is slow on purpose, so its answer is kept until the stored hash changes.
     */
    public boolean defaultAdminPasswordInUse() throws SQLException {
        String hash = meta.findUserByUsername(DEFAULT_ADMIN).map(User::passwordHash).orElse(null);
        if (hash == null) return false;
        DefaultCheck last = defaultCheck;
        if (last != null && last.hash().equals(hash)) return last.isDefault();
        boolean isDefault = Passwords.matches(DEFAULT_PASSWORD, hash);
        defaultCheck = new DefaultCheck(hash, isDefault);
        return isDefault;
    }

    private record DefaultCheck(String hash, boolean isDefault) {}

    private volatile DefaultCheck defaultCheck;

    /** The user when the credentials are right. */
    public Optional<User> authenticate(String username, String password) throws SQLException {
        Optional<User> user = meta.findUserByUsername(username);
        boolean ok = Passwords.matches(password, user.map(User::passwordHash).orElse(null));
        return ok ? user : Optional.empty();
    }

    /** The user unless deleted. */
    public Optional<User> find(UUID id) throws SQLException {
        return byId.find(id);
    }

    /** Changes the password after checking the current one; returns false when the current one is wrong. */
    public boolean changePassword(User user, String currentPassword, String newPassword) throws SQLException {
        User fresh = meta.findUserById(user.id()).orElse(null);
        if (fresh == null || !Passwords.matches(currentPassword, fresh.passwordHash())) return false;
        meta.updatePassword(user.id(), Passwords.hash(newPassword));
        byId.invalidate(user.id());
        return true;
    }

    /**
     * Creates an account ({@code id} null: a new random one).
     *
     * @throws AlreadyExistsException when the username or the id is taken
     */
    public User create(UUID id, String username, String password, String role) throws SQLException {
        String hash = Passwords.hash(password); // slow on purpose: outside the lock
        usernames.lock();
        try {
            if (meta.usernameTaken(username)) throw new AlreadyExistsException("User already exists");
            if (id != null && meta.userIdTaken(id)) throw new AlreadyExistsException("A user with id " + id + " already exists");
            User user = new User(id != null ? id : UUID.randomUUID(), username, hash, role, Instant.now());
            meta.insertUser(user);
            byId.invalidate(user.id());
            return user;
        } finally {
            usernames.unlock();
        }
    }

    public PageOf<UserListing> list(String search, int page, int pageSize) throws SQLException {
        return meta.listUsers(search, page, pageSize);
    }

    /**
     * Changes the given fields of an account; null leaves a field as it is.
     *
     * @throws AlreadyExistsException when the new username belongs to another account
     */
    public User update(User user, String username, String password, String role) throws SQLException {
        String hash = password != null ? Passwords.hash(password) : null;
        usernames.lock();
        try {
            User current = meta.findUserById(user.id()).orElse(user);
            String newName = username != null ? username : current.username();
            if (!newName.equals(current.username()) && meta.usernameTaken(newName)) {
                throw new AlreadyExistsException("User already exists");
            }
            User updated = new User(current.id(), newName, hash != null ? hash : current.passwordHash(),
                    role != null ? role : current.role(), current.createdAt());
            meta.updateUser(updated, Instant.now());
            byId.invalidate(updated.id());
            return updated;
        } finally {
            usernames.unlock();
        }
    }

    /**
     * Deletes an account: its websites with their collected data (as Umami does), and the account itself with
     * its links and pixels. Its login tokens stop working at once, as they name a user that no longer exists.
     */
    public void delete(User user) throws SQLException {
        deleteWebsites(user.id());
        meta.markUserDeleted(user.id(), Instant.now());
        byId.invalidate(user.id());
        // A website created by a request that was already past authentication is caught here.
        deleteWebsites(user.id());
    }

    private void deleteWebsites(UUID ownerId) throws SQLException {
        while (true) {
            PageOf<Website> owned = websites.list(ownerId, null, 1, 100);
            if (owned.data().isEmpty()) return;
            for (Website w : owned.data()) websites.delete(w);
        }
    }
}
