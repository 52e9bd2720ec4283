package io.footfall.manage;

import io.footfall.store.meta.ApiKey;
import io.footfall.auth.ApiKeyCodes;
import io.footfall.auth.SecretBox;
import io.footfall.store.ApiKeyStore;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Users' API keys: made here, shown once, then kept only as a hash (to recognise) and an encrypted copy (for an
 * administrator to read back, see {@link #reveal}). Deleting a key revokes it at once: every request looks its
 * key up in the store.
 */
public final class ApiKeyService {
    /** How stale {@code lastUsedAt} may get before a request writes it again (Umami: 5 minutes). */
    static final Duration LAST_USED_INTERVAL = Duration.ofMinutes(5);

    private final ApiKeyStore store;
    private final SecretBox box;
    private final Clock clock;

    /** A key just made: the stored record, and the key itself, which is never available again to its owner. */
    public record Created(ApiKey key, String plaintext) {
    }

    public ApiKeyService(ApiKeyStore store, SecretBox box, Clock clock) {
        this.store = store;
        this.box = box;
        this.clock = clock;
    }

    public Created create(UUID userId, String name) throws SQLException {
        return adopt(userId, name, ApiKeyCodes.generate());
    }

    /** A new key with the given text prefix (TinyTrail's {@code tt_}). */
    public Created create(UUID userId, String name, String prefix) throws SQLException {
        return adopt(userId, name, ApiKeyCodes.generate(prefix));
    }

    /** Stores a key whose text the operator chose (ADMIN_API_KEY). */
    public Created adopt(UUID userId, String name, String key) throws SQLException {
        ApiKey k = new ApiKey(UUID.randomUUID(), userId, name, ApiKeyCodes.displayPrefix(key), ApiKeyCodes.last4(key),
                ApiKeyCodes.hash(key), box.encrypt(key), clock.instant(), null);
        store.insert(k);
        return new Created(k, key);
    }

    public List<ApiKey> list(UUID userId) throws SQLException {
        return store.listOfUser(userId);
    }

    /** Deletes one of the user's keys; false when it has no such key. */
    public boolean delete(UUID keyId, UUID userId) throws SQLException {
        return store.delete(keyId, userId);
    }

    /** The stored key a presented key text is, noting its use; empty for an unknown or deleted key. */
    public Optional<ApiKey> recognise(String presented) throws SQLException {
        if (presented == null || presented.length() > 200) return Optional.empty();
        Optional<ApiKey> found = store.findByHash(ApiKeyCodes.hash(presented));
        if (found.isPresent()) {
            Instant now = clock.instant();
            Instant last = found.get().lastUsedAt();
            if (last == null || last.plus(LAST_USED_INTERVAL).isBefore(now)) store.markUsed(found.get().id(), now);
        }
        return found;
    }

    /** The key itself, decrypted from its stored copy: for an administrator's read-back, never for listing. */
    public String reveal(ApiKey key) {
        return box.decrypt(key.encrypted());
    }
}
