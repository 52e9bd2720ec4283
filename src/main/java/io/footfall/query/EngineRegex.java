package io.footfall.query;

import io.footfall.store.EventStore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the store's regular-expression engine accepts a filter pattern ({@code re.} / {@code nre.}).
 * Java's {@code Pattern} is no judge of that: DuckDB uses RE2, which rejects look-around ({@code (?=a)}),
 * back-references ({@code \1}), {@code \Z}, possessive quantifiers and repetitions over 1000, and accepts
 * {@code (?P<name>...)} that Java does not; PostgreSQL's engine accepts look-around and back-references but rejects
 * repetitions over 255 and {@code \pL}. So the engine itself is asked, with the very expression the filters use, once
 * per distinct pattern; the answers are kept in a bounded cache.
 */
public final class EngineRegex {
    private static final int CACHE_SIZE = 1000;

    private final EventStore store;
    /** Pattern → the engine's complaint, empty when it accepts the pattern. */
    private final Map<String, Optional<String>> verdicts = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<String>> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    public EngineRegex(EventStore store) {
        this.store = store;
    }

    /**
     * Checks every regular-expression filter of the request.
     *
     * @throws QueryException naming the parameter when the engine rejects its pattern
     */
    public void check(QueryParams params) throws SQLException {
        for (Filter f : params.filters()) {
            if (f.operator() != Operator.REGEX && f.operator() != Operator.NOT_REGEX) continue;
            Optional<String> complaint = verdict(f.value());
            if (complaint.isPresent()) {
                throw new QueryException("'" + f.name() + "' is not a regular expression the store accepts ("
                        + store.dialect().regexSyntax() + "): " + complaint.get());
            }
        }
    }

    private Optional<String> verdict(String pattern) throws SQLException {
        synchronized (verdicts) {
            Optional<String> known = verdicts.get(pattern);
            if (known != null) return known;
        }
        Optional<String> v = ask(pattern);
        synchronized (verdicts) {
            verdicts.put(pattern, v);
        }
        return v;
    }

    private Optional<String> ask(String pattern) throws SQLException {
        String sql = "SELECT " + store.dialect().regexMatches("''");
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, pattern);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Optional.<String>empty();
                }
            } catch (SQLException e) {
                // The engine's "cannot compile this pattern"; anything else is a real failure.
                String reason = store.dialect().regexRejection(e).orElseThrow(() -> e);
                return Optional.of(reason.length() > 200 ? reason.substring(0, 200) : reason);
            }
        });
    }
}
