package io.footfall.store;

import io.footfall.store.meta.ApiKey;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where API keys are kept. */
public interface ApiKeyStore {
    void insert(ApiKey key) throws SQLException;

    Optional<ApiKey> findByHash(String hash) throws SQLException;

    /** A user's keys, newest first. */
    List<ApiKey> listOfUser(UUID userId) throws SQLException;

    /** Deletes the key if it is {@code userId}'s; whether it was. */
    boolean delete(UUID keyId, UUID userId) throws SQLException;

    void markUsed(UUID keyId, Instant at) throws SQLException;
}
