package io.footfall.store;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Kept statements are reused per connection and text, answer for the parameters bound each time, and a failed one is prepared afresh. */
class PreparedStatementsTest {
    @Test
    void reusesAStatementPerConnectionAndText() throws SQLException {
        try (Connection a = DriverManager.getConnection("jdbc:duckdb:"); Connection b = DriverManager.getConnection("jdbc:duckdb:")) {
            String sql = "SELECT ? * 2";
            PreparedStatement first = PreparedStatements.prepare(a, sql);
            assertThat(answer(first, 21)).isEqualTo(42);
            PreparedStatement again = PreparedStatements.prepare(a, sql);
            assertThat(again).isSameAs(first);
            assertThat(answer(again, 5)).isEqualTo(10);
            assertThat(PreparedStatements.prepare(b, sql)).isNotSameAs(first);
            assertThat(PreparedStatements.prepare(a, "SELECT ? * 3")).isNotSameAs(first);

            PreparedStatements.discard(a, sql);
            assertThat(first.isClosed()).isTrue();
            assertThat(answer(PreparedStatements.prepare(a, sql), 4)).isEqualTo(8);
        }
    }

    @Test
    void keepsOnlyTheMostRecentlyUsed() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            PreparedStatement oldest = PreparedStatements.prepare(c, "SELECT ? + 0");
            for (int i = 1; i <= PreparedStatements.PER_CONNECTION; i++) PreparedStatements.prepare(c, "SELECT ? + " + i);
            assertThat(oldest.isClosed()).isTrue();
            assertThat(answer(PreparedStatements.prepare(c, "SELECT ? + 0"), 1)).isEqualTo(1);
        }
    }

    @Test
    void onlyTheLastFewStatementsWithAListOfValuesAreKept() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            String list = "SELECT count(*) FROM range(100) r(x) WHERE x IN (?, ?, ?, ?, ?, ?, ?, ?)";
            PreparedStatement first = PreparedStatements.prepare(c, list);
            for (int i = 1; i <= 8; i++) first.setLong(i, i);
            try (ResultSet rs = first.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(8);
            }
            assertThat(PreparedStatements.prepare(c, list)).isSameAs(first); // the same request again
            for (int i = 1; i < PreparedStatements.LISTS_PER_CONNECTION; i++) PreparedStatements.prepare(c, list + " AND x > " + i);
            assertThat(first.isClosed()).isFalse();
            PreparedStatements.prepare(c, list + " AND x > 99");
            assertThat(first.isClosed()).isTrue(); // four newer list statements on the connection
            // other statements keep their own, larger cache: a list statement does not push them out
            PreparedStatement plain = PreparedStatements.prepare(c, "SELECT ? + 1");
            for (int i = 0; i < 2 * PreparedStatements.LISTS_PER_CONNECTION; i++) PreparedStatements.prepare(c, list + " AND x < " + i);
            assertThat(PreparedStatements.prepare(c, "SELECT ? + 1")).isSameAs(plain);
            // seven placeholders in a row are not a list
            String seven = "SELECT ? + ? + ? + ? + ? + ? + ?, [?, ?, ?, ?, ?, ?, ?]";
            PreparedStatement kept = PreparedStatements.prepare(c, seven);
            for (int i = 0; i < 2 * PreparedStatements.LISTS_PER_CONNECTION; i++) PreparedStatements.prepare(c, list + " AND x <> " + i);
            assertThat(PreparedStatements.prepare(c, seven)).isSameAs(kept);
        }
    }

    @Test
    void listStatementsAreKeptOnlyWithinTheirTextBudget() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            // A list as long as the soak's (thousands of session ids): prepared for one use and closed after it.
            String longList = listOf(2_000);
            assertThat(longList.length()).isGreaterThan(PreparedStatements.LIST_CHARS_PER_CONNECTION);
            PreparedStatement once = PreparedStatements.prepare(c, longList);
            assertThat(countOf(once, 2_000)).isEqualTo(100);
            PreparedStatements.release(c, longList, once);
            assertThat(once.isClosed()).isTrue();
            assertThat(PreparedStatements.prepare(c, longList)).isNotSameAs(once);

            // Short ones are kept while their texts fit: ~1,500 characters each, so the third pushes out the first.
            String a = listOf(500), b = listOf(501), third = listOf(502);
            assertThat(a.length() * 2).isLessThanOrEqualTo(PreparedStatements.LIST_CHARS_PER_CONNECTION);
            assertThat(a.length() * 3).isGreaterThan(PreparedStatements.LIST_CHARS_PER_CONNECTION);
            PreparedStatement keptA = PreparedStatements.prepare(c, a);
            assertThat(countOf(keptA, 500)).isEqualTo(100);
            PreparedStatements.release(c, a, keptA);
            assertThat(keptA.isClosed()).isFalse();
            assertThat(PreparedStatements.prepare(c, a)).isSameAs(keptA);
            PreparedStatement keptB = PreparedStatements.prepare(c, b);
            PreparedStatements.release(c, b, keptB);
            PreparedStatements.prepare(c, third);
            assertThat(keptA.isClosed()).isTrue();
            assertThat(keptB.isClosed()).isFalse();
            assertThat(PreparedStatements.prepare(c, b)).isSameAs(keptB);
        }
    }

    /** {@code n} placeholders, each bound to a value 0..n-1 by {@link #countOf}; range(100) holds 100 of them when n >= 100. */
    private static String listOf(int n) {
        return "SELECT count(*) FROM range(100) r(x) WHERE x IN (" + String.join(", ", java.util.Collections.nCopies(n, "?")) + ")";
    }

    private static long countOf(PreparedStatement ps, int n) throws SQLException {
        for (int i = 1; i <= n; i++) ps.setLong(i, i - 1);
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void statementsThatCannotBePreparedAreNotKept() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            assertThatThrownBy(() -> PreparedStatements.prepare(c, "SELECT * FROM missing")).isInstanceOf(SQLException.class);
            c.createStatement().execute("CREATE TABLE missing AS SELECT 7 AS x");
            try (ResultSet rs = PreparedStatements.prepare(c, "SELECT * FROM missing").executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(7);
            }
        }
    }

    private static long answer(PreparedStatement ps, long x) throws SQLException {
        ps.setLong(1, x);
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
