package io.footfall.tinytrail;

import io.footfall.auth.ApiKeyCodes;
import io.footfall.manage.ApiKeyService;
import io.footfall.store.meta.User;
import io.footfall.manage.UserService;
import io.footfall.store.MetaStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The TinyTrail admin key of the default admin, so a fresh server can be driven through {@code /api/v1} at once.
 * With ADMIN_API_KEY the operator chose the key: it is stored (once) and nothing is written. Otherwise, when the
 * default admin holds no TinyTrail key yet (first start), one is made, printed once to the log and written to
 * {@code DATA_DIR/admin-api-key} with mode 600 for the operator to read later.
 */
public final class AdminApiKeyBootstrap {
    private static final Logger LOG = Logger.getLogger(AdminApiKeyBootstrap.class.getName());
    public static final String FILE_NAME = "admin-api-key";

    private AdminApiKeyBootstrap() {
    }

    /** Returns the key made by this start, if one was generated. */
    public static Optional<String> ensure(String chosenKey, Path dataDir, MetaStore meta, ApiKeyService keys,
                                          TinyTrailDirectory directory) throws SQLException, IOException {
        Optional<User> admin = meta.findUserByUsername(UserService.DEFAULT_ADMIN).filter(User::isAdmin);
        if (chosenKey != null) {
            if (keys.recognise(chosenKey).isEmpty()) {
                if (admin.isEmpty()) {
                    LOG.warning("ADMIN_API_KEY is set but there is no admin user named '" + UserService.DEFAULT_ADMIN + "'");
                    return Optional.empty();
                }
                keys.adopt(admin.get().id(), TinyTrailDirectory.KEY_NAME, chosenKey);
            }
            return Optional.empty();
        }
        if (admin.isEmpty() || directory.revealKey(admin.get().id()).isPresent()) return Optional.empty();
        String key = keys.create(admin.get().id(), TinyTrailDirectory.KEY_NAME, ApiKeyCodes.TINYTRAIL_PREFIX).plaintext();
        Path file = dataDir.resolve(FILE_NAME);
        Files.deleteIfExists(file);
        // Readable by the owner only; a filesystem without POSIX modes (a Windows volume) keeps the directory's own rules.
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, key + "\n", StandardOpenOption.TRUNCATE_EXISTING);
        LOG.warning("TinyTrail admin API key (shown once, also in " + file + "): " + key);
        return Optional.of(key);
    }
}
