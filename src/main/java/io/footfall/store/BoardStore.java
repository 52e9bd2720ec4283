package io.footfall.store;

import io.footfall.store.meta.Board;
import io.footfall.store.meta.PageOf;

import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** Where boards are kept. */
public interface BoardStore {
    void insert(Board b) throws SQLException;

    Optional<Board> find(UUID id) throws SQLException;

    /** Boards of one user ({@code userId}) or one team ({@code teamId}); name search is case-insensitive. */
    PageOf<Board> list(UUID userId, UUID teamId, String search, int page, int pageSize) throws SQLException;

    void update(Board b) throws SQLException;

    /** Deletes the board and its shares. */
    void delete(UUID id) throws SQLException;
}
