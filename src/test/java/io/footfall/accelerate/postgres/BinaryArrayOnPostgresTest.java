package io.footfall.accelerate.postgres;

import io.footfall.store.postgres.PostgresConnections;
import io.footfall.store.postgres.PostgresUrl;
import io.footfall.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The binary array parameters the rollup writers bind ({@link BinaryArray}) as PostgreSQL reads them back: every element
 * type, NULLs, an empty array, a column of only NULLs, timestamps before 2000 and 1970 to the microsecond, text with NUL
 * and non-ASCII characters, and a smallint out of range failing instead of wrapping.
 */
class BinaryArrayOnPostgresTest {
    static PostgresConnections db;

    @BeforeAll
    static void connect() throws Exception {
        db = PostgresConnections.open(PostgresUrl.parse(PostgresTestDatabase.fresh()), 2);
    }

    @AfterAll
    static void disconnect() {
        db.close();
    }

    /** Each element of the bound array as PostgreSQL prints it (NULL as null), in order. */
    static List<String> echo(String cast, List<?> values, String declared) throws Exception {
        return db.read(c -> {
            try (var ps = c.prepareStatement("SELECT v::text FROM unnest(?::" + cast + "[]) WITH ORDINALITY AS k(v, i) ORDER BY i")) {
                SpanRows.bind(c, ps, values, declared);
                try (ResultSet rs = ps.executeQuery()) {
                    List<String> out = new ArrayList<>();
                    while (rs.next()) out.add(rs.getString(1));
                    return out;
                }
            }
        });
    }

    static SpanRows.Micros at(String instant) {
        return SpanRows.timestamp(SpanRows.micros(Instant.parse(instant)));
    }

    @Test
    void uuidsWithNulls() throws Exception {
        UUID a = UUID.fromString("00000000-0000-0001-8000-0000000000ff"), b = UUID.fromString("ffffffff-ffff-ffff-ffff-fffffffffffe");
        assertThat(echo("uuid", Arrays.asList(a, null, b), "uuid")).containsExactly(a.toString(), null, b.toString());
    }

    @Test
    void timestampsToTheMicrosecond() throws Exception {
        assertThat(echo("timestamp", Arrays.asList(at("2026-12-06T07:01:02.123456Z"), null, at("1999-12-31T23:59:59.999999Z"),
                at("1969-07-20T20:17:40.000001Z"), at("2000-01-01T00:00:00Z")), "text"))
                .containsExactly("2026-12-06 07:01:02.123456", null, "1999-12-31 23:59:59.999999", "1969-07-20 20:17:40.000001",
                        "2000-01-01 00:00:00");
    }

    @Test
    void textWithoutNulCharacters() throws Exception {
        assertThat(echo("text", Arrays.asList("/a\0b", "", null, "Zürich — 東京 🚀"), "text"))
                .containsExactly("/ab", "", null, "Zürich — 東京 🚀");
    }

    @Test
    void integersAndBooleans() throws Exception {
        assertThat(echo("int4", List.of(0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE), "int4"))
                .containsExactly("0", "-1", "2147483647", "-2147483648");
        assertThat(echo("int2", List.of(1, -32768, 32767), "int2")).containsExactly("1", "-32768", "32767");
        assertThat(echo("bool", Arrays.asList(true, null, false), "bool")).containsExactly("true", null, "false");
        assertThatThrownBy(() -> echo("int2", List.of(32768), "int2")).hasStackTraceContaining("out of range for smallint");
    }

    @Test
    void emptyAndOnlyNullColumnsTakeTheDeclaredType() throws Exception {
        assertThat(echo("uuid", List.of(), "uuid")).isEmpty();
        // Timestamps are declared "text": a column of only NULLs goes as text[], which the statement's cast converts.
        assertThat(echo("timestamp", Arrays.asList(null, null), "text")).containsExactly(null, null);
        assertThat(echo("int4", Arrays.asList((Object) null), "int4")).containsExactly((String) null);
    }
}
