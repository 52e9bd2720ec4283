package io.footfall.query;

import io.footfall.store.PreparedStatements;
import io.footfall.store.Sql;
import io.footfall.store.SqlTrace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQL being assembled with its bound parameters in order; every client value goes in as a parameter. */
public final class SqlText {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    public SqlText add(String text, Object... args) {
        sql.append(text);
        for (Object a : args) params.add(a);
        return this;
    }

    public SqlText addAll(SqlText other) {
        sql.append(other.sql);
        params.addAll(other.params);
        return this;
    }

    public String text() {
        return sql.toString();
    }

    /** Row reader for {@link #list}. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public <T> List<T> list(Connection c, RowMapper<T> mapper) throws SQLException {
        long start = System.nanoTime();
        String text = sql.toString();
        PreparedStatement ps = null;
        try {
            ps = PreparedStatements.prepare(c, text);
            Sql.bind(ps, params.toArray());
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(mapper.map(rs));
            }
            PreparedStatements.release(c, text, ps);
            return out;
        } catch (SQLException | RuntimeException e) {
            PreparedStatements.discard(c, text);
            if (ps != null) ps.close();
            throw e;
        } finally {
            if (SqlTrace.on()) System.err.printf("sql %.1f ms (from %d): %s%n", (System.nanoTime() - start) / 1e6, start / 1_000_000 % 100_000, sql.length() > 400 && !SqlTrace.full() ? sql.substring(0, 400) + "..." : sql);
            if (SqlTrace.full()) System.err.println("params " + params);
        }
    }
}
