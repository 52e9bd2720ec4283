package io.footfall.query;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.footfall.store.Re2ToAre;

/**
 * The one judge of a regular-expression filter ({@code re.} / {@code nre.}) on every store: RE2 syntax (DuckDB runs
 * RE2), less what PostgreSQL's translation cannot say ({@link Re2ToAre}), so a pattern is accepted, and read, alike
 * on both.
 */
final class FilterRegex {
    private FilterRegex() {
    }

    /** @throws QueryException naming the parameter and what is wrong with its pattern */
    static void check(String pattern, String key) {
        try {
            Pattern.compile(pattern);
            Re2ToAre.translate(pattern);
        } catch (PatternSyntaxException e) {
            throw rejected(key, e.getDescription() + (e.getPattern().isEmpty() ? "" : ": `" + e.getPattern() + "`"));
        } catch (Re2ToAre.Untranslatable e) {
            throw rejected(key, e.getMessage());
        }
    }

    private static QueryException rejected(String key, String reason) {
        String r = reason.length() > 200 ? reason.substring(0, 200) : reason;
        return new QueryException("'" + key + "' is not a regular expression the store accepts (RE2 syntax): " + r);
    }
}
