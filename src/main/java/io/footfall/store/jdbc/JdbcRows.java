package io.footfall.store.jdbc;

import io.footfall.store.meta.PageOf;
import io.footfall.store.Connections;
import io.footfall.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The few JDBC shapes the small metadata stores need: one row, all rows, a page, an update. */
final class JdbcRows {
    interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Connections db;

    JdbcRows(Connections db) {
        this.db = db;
    }

    <T> Optional<T> one(String sql, Mapper<T> mapper, Object... args) throws SQLException {
        return db.read(c -> {
            List<T> rows = all(c, sql, mapper, args);
            return rows.isEmpty() ? Optional.<T>empty() : Optional.of(rows.getFirst());
        });
    }

    <T> List<T> list(String sql, Mapper<T> mapper, Object... args) throws SQLException {
        return db.read(c -> all(c, sql, mapper, args));
    }

    /** Rows {@code countSql} counts and {@code rowsSql} lists (same arguments); the page bounds are appended. */
    <T> PageOf<T> page(String countSql, String rowsSql, List<Object> args, int page, int pageSize, Mapper<T> mapper)
            throws SQLException {
        return db.read(c -> {
            long count = all(c, countSql, rs -> rs.getLong(1), args.toArray()).getFirst();
            List<Object> pageArgs = new ArrayList<>(args);
            pageArgs.add(pageSize);
            pageArgs.add((long) (page - 1) * pageSize);
            return new PageOf<>(all(c, rowsSql + " LIMIT ? OFFSET ?", mapper, pageArgs.toArray()), count, page, pageSize);
        });
    }

    int update(String sql, Object... args) throws SQLException {
        return db.write(c -> execute(c, sql, args));
    }

    static int execute(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, args);
            return ps.executeUpdate();
        }
    }

    static <T> List<T> all(Connection c, String sql, Mapper<T> mapper, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) rows.add(mapper.map(rs));
                return rows;
            }
        }
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
