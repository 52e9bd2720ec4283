package io.footfall.query;

import io.footfall.store.EventStore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the store's engine accepts a filter pattern ({@code re.} / {@code nre.}) in the spelling it is given
 * ({@link io.footfall.store.Dialect#regexPattern}). {@link FilterRegex} has already held the pattern to RE2 syntax and
 * to what PostgreSQL's translation can say, alike for every store; this asks the engine itself, once per distinct
 * pattern, for the limits neither judge knows (an engine's memory or complexity budget), so that they are a 400 too.
 * The answers are kept in a bounded cache.
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
                ps.setString(1, store.dialect().regexPattern(pattern));
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
