package io.footfall.store;

import io.footfall.store.duckdb.DuckDbDialect;
import io.footfall.store.postgres.PostgresDialect;
import io.footfall.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The spellings the query layer asks {@link Dialect} for, run on DuckDB and on PostgreSQL with the same parameters. */
class DialectTest {
    static Connection duck;
    static Connection pg;

    @BeforeAll
    static void open() throws SQLException {
        duck = DriverManager.getConnection("jdbc:duckdb:");
        pg = PostgresTestDatabase.admin();
    }

    @AfterAll
    static void close() throws SQLException {
        duck.close();
        pg.close();
    }

    /** Each row's first column as text, on both engines; asserts they agree and returns DuckDB's. */
    static List<String> both(java.util.function.Function<Dialect, String> sql, Object... args) throws SQLException {
        List<String> d = rows(duck, sql.apply(new DuckDbDialect()), args);
        List<String> p = rows(pg, sql.apply(new PostgresDialect()), args);
        assertThat(p).as("PostgreSQL = DuckDB").isEqualTo(d);
        return d;
    }

    private static List<String> rows(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    Object v = rs.getObject(1);
                    out.add(v instanceof java.sql.Timestamp t ? t.toLocalDateTime().toString() : String.valueOf(v));
                }
                return out;
            }
        }
    }

    @Test
    void hourSeriesHoldsEveryHourWithBothEnds() throws SQLException {
        Instant from = Instant.parse("2026-03-28T22:00:00Z");
        Instant to = Instant.parse("2026-03-29T02:00:00Z"); // across a DST change elsewhere: UTC hours are plain
        assertThat(both(d -> "SELECT g.h FROM " + d.hourSeries("g", "h") + " ORDER BY 1", from, to))
                .containsExactly("2026-03-28T22:00", "2026-03-28T23:00", "2026-03-29T00:00", "2026-03-29T01:00", "2026-03-29T02:00");
        assertThat(both(d -> "SELECT count(*) FROM " + d.hourSeries("g", "h"), to, to)).containsExactly("1");
        assertThat(both(d -> "SELECT count(*) FROM " + d.hourSeries("g", "h"), to, from)).containsExactly("0");
    }

    @Test
    void plusHoursTakesAnIntegerExpression() throws SQLException {
        Instant at = Instant.parse("2026-03-29T05:00:00Z");
        assertThat(both(d -> "SELECT " + d.plusHours("CAST(? AS TIMESTAMP)", "-168 * t.w") + " FROM (SELECT 2 AS w) t", at))
                .containsExactly("2026-03-15T05:00");
        assertThat(both(d -> "SELECT " + d.plusHours("CAST(? AS TIMESTAMP)", "3") , at)).containsExactly("2026-03-29T08:00");
    }

    @Test
    void nthLargestIsTheSmallestWhenTheGroupHasFewer() throws SQLException {
        String values = " FROM (SELECT 1 AS x UNION ALL SELECT 9 UNION ALL SELECT 5 UNION ALL SELECT 3 UNION ALL SELECT 9) t";
        assertThat(both(d -> "SELECT " + d.nthLargest("t.x") + values, 1)).containsExactly("9");
        assertThat(both(d -> "SELECT " + d.nthLargest("t.x") + values, 3)).containsExactly("5"); // 9, 9, 5
        assertThat(both(d -> "SELECT " + d.nthLargest("t.x") + values, 10)).containsExactly("1");
        assertThat(both(d -> "SELECT " + d.nthLargest("t.x") + values + " WHERE t.x > 100", 2)).containsExactly("null");
        Instant a = Instant.parse("2026-03-01T10:00:00Z");
        Instant b = Instant.parse("2026-03-02T10:00:00Z");
        assertThat(both(d -> "SELECT " + d.nthLargest("t.at") + " FROM (SELECT CAST(? AS TIMESTAMP) AS at UNION ALL "
                + "SELECT CAST(? AS TIMESTAMP)) t", 2L, a, b)).containsExactly("2026-03-01T10:00");
    }
}
