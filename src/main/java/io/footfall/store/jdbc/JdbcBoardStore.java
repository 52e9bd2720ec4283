package io.footfall.store.jdbc;

import io.footfall.store.meta.Board;
import io.footfall.store.meta.PageOf;
import io.footfall.store.BoardStore;
import io.footfall.store.Connections;
import io.footfall.store.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Boards in portable SQL (table {@code board}; their shares are rows of {@code share}). */
public final class JdbcBoardStore implements BoardStore {
    private static final String COLUMNS =
            "board_id, type, name, description, parameters, user_id, team_id, created_at, updated_at";

    private final Connections db;
    private final JdbcRows rows;

    public JdbcBoardStore(Connections db) {
        this.db = db;
        this.rows = new JdbcRows(db);
    }

    @Override
    public void insert(Board b) throws SQLException {
        rows.update("INSERT INTO board (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", b.id(), b.type(), b.name(),
                b.description(), b.parameters(), b.userId(), b.teamId(), b.createdAt(), b.updatedAt());
    }

    @Override
    public Optional<Board> find(UUID id) throws SQLException {
        return rows.one("SELECT " + COLUMNS + " FROM board WHERE board_id = ?", JdbcBoardStore::board, id);
    }

    @Override
    public PageOf<Board> list(UUID userId, UUID teamId, String search, int page, int pageSize) throws SQLException {
        StringBuilder where = new StringBuilder(userId != null ? " WHERE user_id = ?" : " WHERE team_id = ?");
        List<Object> args = new ArrayList<>(List.of(userId != null ? userId : teamId));
        if (search != null && !search.isBlank()) {
            where.append(" AND lower(name) LIKE ? ESCAPE '\\'");
            args.add("%" + JdbcRows.escapeLike(search.toLowerCase(Locale.ROOT)) + "%");
        }
        return rows.page("SELECT count(*) FROM board" + where,
                "SELECT " + COLUMNS + " FROM board" + where + " ORDER BY created_at DESC, board_id",
                args, page, pageSize, JdbcBoardStore::board);
    }

    @Override
    public void update(Board b) throws SQLException {
        rows.update("UPDATE board SET type = ?, name = ?, description = ?, parameters = ?, updated_at = ? WHERE board_id = ?",
                b.type(), b.name(), b.description(), b.parameters(), b.updatedAt(), b.id());
    }

    @Override
    public void delete(UUID id) throws SQLException {
        db.write(c -> {
            JdbcRows.execute(c, "DELETE FROM share WHERE entity_id = ?", id);
            return JdbcRows.execute(c, "DELETE FROM board WHERE board_id = ?", id);
        });
    }

    private static Board board(ResultSet rs) throws SQLException {
        return new Board(Sql.uuid(rs, "board_id"), rs.getString("type"), rs.getString("name"), rs.getString("description"),
                rs.getString("parameters"), Sql.uuid(rs, "user_id"), Sql.uuid(rs, "team_id"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
