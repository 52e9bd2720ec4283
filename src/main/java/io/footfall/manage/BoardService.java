package io.footfall.manage;

import io.footfall.store.meta.Board;
import io.footfall.store.meta.PageOf;
import io.footfall.store.BoardStore;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Boards: custom dashboards of a user or a team. Their layout ({@code parameters}) is kept as the client sent it. */
public final class BoardService {
    private final BoardStore store;
    private final Clock clock;

    public BoardService(BoardStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Optional<Board> find(UUID id) throws SQLException {
        return store.find(id);
    }

    public PageOf<Board> ofUser(UUID userId, String search, int page, int pageSize) throws SQLException {
        return store.list(userId, null, search, page, pageSize);
    }

    public PageOf<Board> ofTeam(UUID teamId, String search, int page, int pageSize) throws SQLException {
        return store.list(null, teamId, search, page, pageSize);
    }

    /** A new board of {@code teamId} when given, else of {@code userId}. */
    public Board create(String type, String name, String description, String parameters, UUID userId, UUID teamId)
            throws SQLException {
        Instant now = clock.instant();
        Board b = new Board(UUID.randomUUID(), type, name, description, parameters, teamId == null ? userId : null, teamId, now, now);
        store.insert(b);
        return b;
    }

    public Board update(Board b, String type, String name, String description, String parameters) throws SQLException {
        Board updated = new Board(b.id(), type, name, description, parameters, b.userId(), b.teamId(), b.createdAt(), clock.instant());
        store.update(updated);
        return updated;
    }

    /** Deletes the board and its shares. */
    public void delete(Board b) throws SQLException {
        store.delete(b.id());
    }
}
