package io.footfall.http;

import io.footfall.testing.Traffic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.footfall.http.OneDaySite.enc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A regular-expression filter means the same on every store: RE2 syntax, case-insensitive, RE2's meaning (DuckDB runs
 * RE2; PostgreSQL runs a translation, io.footfall.store.Re2ToAre). Each pattern below is one where PostgreSQL's own
 * {@code ~*} would count differently or refuse it; the counts are those RE2 gives, and RegexFilterParityOnPostgreSqlTest
 * asserts the very same. One pageview per title, on paths /t1 … /t12:
 * <ol>
 *   <li>{@code Price 42}</li> <li>{@code price list}</li> <li>{@code Café au lait}</li>
 *   <li>{@code first line⏎second line}</li> <li>{@code ΛΌΓΟΣ}</li> <li>{@code λόγος} (final ς)</li>
 *   <li>{@code 20 K} (the Kelvin sign, U+212A)</li> <li>{@code a.b [x] {2}}</li> <li>{@code ٣ apples} (an Arabic-Indic 3)</li>
 *   <li>{@code tab⇥there}</li> <li>{@code snake_case}</li> <li>{@code İstanbul} (dotted capital I)</li>
 * </ol>
 */
class RegexFilterParityTest {
    static final List<String> TITLES = List.of("Price 42", "price list", "Café au lait", "first line\nsecond line",
            "ΛΌΓΟΣ", "λόγος", "20 \u212A", "a.b [x] {2}", "\u0663 apples", "tab\there", "snake_case", "İstanbul");
    static OneDaySite day;

    @BeforeAll
    static void start() {
        day = new OneDaySite("Regex parity");
        for (int i = 0; i < TITLES.size(); i++) {
            day.send("event", "v" + i, "10:%02d:00".formatted(i), Map.of("User-Agent", Traffic.FIREFOX_LINUX),
                    "\"url\":\"/t" + (i + 1) + "\",\"title\":" + new String(Json.write(TITLES.get(i)), StandardCharsets.UTF_8));
        }
    }

    @AfterAll
    static void stop() {
        day.close();
    }

    static Stream<Arguments> patterns() {
        return Stream.of(
                // Perl classes are ASCII-only in RE2 (PostgreSQL's follow the locale: ٣, é, Λ would count)
                Arguments.of("title", "re.\\d", 3),
                Arguments.of("title", "nre.\\d", 9),
                Arguments.of("title", "re.^\\D+$", 9),
                Arguments.of("title", "re.^\\w+$", 1),
                Arguments.of("title", "re.\\W", 11),
                Arguments.of("title", "re.\\s", 8),
                Arguments.of("title", "re.^\\S+$", 4),
                // Unicode classes (PostgreSQL has none); \p{Lu} folds to every cased letter, unless (?-i)
                Arguments.of("title", "re.^\\PL", 2),
                Arguments.of("title", "re.\\p{Greek}", 2),
                Arguments.of("title", "re.^\\p{Lu}", 10),
                Arguments.of("title", "re.(?-i)^\\p{Lu}", 4),
                // flags anywhere ((?i) is the default; PostgreSQL takes flags only at the start)
                Arguments.of("title", "re.(?i)price", 2),
                Arguments.of("title", "re.(?-i)price", 1),
                Arguments.of("title", "re.(?-i:P)rice", 1),
                // Unicode case folding: σ is also Σ and ς; k is also the Kelvin sign; İ is no i
                Arguments.of("title", "re.σ", 2),
                Arguments.of("title", "re.k", 2),
                Arguments.of("title", "re.^i", 0),
                // . skips a newline unless (?s); ^ $ are the text's ends unless (?m); \A \z
                Arguments.of("title", "re.line.second", 0),
                Arguments.of("title", "re.(?s)line.second", 1),
                Arguments.of("title", "re.^second", 0),
                Arguments.of("title", "re.(?m)^second", 1),
                Arguments.of("title", "re.first line$", 0),
                Arguments.of("title", "re.(?m)first line$", 1),
                Arguments.of("title", "re.\\Afirst", 1),
                Arguments.of("title", "re.first line\\z", 0),
                Arguments.of("title", "re.line\\z", 1),
                // quoting, non-greedy, repetitions, literal braces
                Arguments.of("title", "re.a.b", 2),
                Arguments.of("title", "re.\\Qa.b\\E", 1),
                Arguments.of("title", "re.\\Qa.b [x]", 1),
                Arguments.of("title", "re.p.*?e", 3),
                Arguments.of("title", "re.^\\d{2}\\s", 1),
                Arguments.of("title", "re.\\{2\\}", 1),
                Arguments.of("title", "re.x{1,2}\\]", 1),
                // POSIX classes are ASCII-only in RE2
                Arguments.of("title", "re.^[[:alpha:][:space:]]+$", 3),
                Arguments.of("title", "re.^[[:upper:]]", 7),
                // escapes inside brackets
                Arguments.of("title", "re.[\\]\\[]", 1),
                Arguments.of("title", "re.[\\d\\.]", 3),
                // (not the Kelvin sign: negating ASCII, folded first, leaves out the k's other case too)
                Arguments.of("title", "re.[^\\x00-\\x7F]", 5),
                // \b is a word boundary (PostgreSQL: a backspace), over ASCII word characters
                Arguments.of("title", "re.\\bline\\b", 1),
                Arguments.of("title", "re.e\\b", 5),
                Arguments.of("title", "re.\\Bn", 3),
                Arguments.of("path", "re.^/t\\d$", 9),
                Arguments.of("path", "re.^/T1\\d$", 3));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("patterns")
    void countsAsRe2Does(String key, String filter, int pageviews) {
        var stats = day.get("stats", key + "=" + enc(filter));
        assertThat(stats.get("pageviews").asLong()).as(filter).isEqualTo(pageviews);
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("(a)\\1", "invalid escape sequence: `\\1`"),
                Arguments.of("(?=a)", "invalid or unsupported Perl syntax: `(?=`"),
                Arguments.of("a\\Z", "invalid escape sequence: `\\Z`"),
                Arguments.of("\\C", "invalid escape sequence: `\\C`"),
                Arguments.of("\\p{Klingon}", "invalid character class range: `\\p{Klingon}`"),
                Arguments.of("[[:foo:]]", "invalid character class range: `[:foo:]`"),
                Arguments.of("a{256}", "the repetition {256} is not supported: counts above 255 are not"),
                Arguments.of("(?<n>a)", "the group (?<name>...) is not supported: write (?P<name>...)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void refusesAlikeWithA400NamingTheConstruct(String pattern, String reason) {
        var res = day.response("stats", "path=" + enc("re." + pattern));
        assertThat(res.status()).as(pattern).isEqualTo(400);
        assertThat(res.json().get("error").get("message").asText())
                .isEqualTo("'path' is not a regular expression the store accepts (RE2 syntax): " + reason);
    }
}
