package io.footfall.accelerate.postgres;

import io.footfall.event.Event;
import io.footfall.store.Channels;
import io.footfall.store.postgres.PostgresDialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A view's channel for the writer of {@code session_value}: the event row computes it (V9's generated column), Java does
 * not, so the writer asks PostgreSQL the same CASE over the distinct inputs of a batch it has not seen yet. The answer
 * depends on those five values only, so it is kept (a few hundred combinations in practice; forgotten past a bound).
 */
final class Channel {
    private static final int KEPT = 20_000;
    /** Inputs to channel, '' for none (a concurrent map holds no null). */
    private static final Map<List<String>, String> KNOWN = new ConcurrentHashMap<>();
    private static final String SQL = "SELECT e.i, " + Channels.sql(new PostgresDialect()) + " FROM unnest(?::text[], ?::text[], ?::text[], "
            + "?::text[], ?::text[]) WITH ORDINALITY AS e(referrer_domain, url_query, utm_medium, utm_source, hostname, i)";

    private Channel() {
    }

    /** The columns the channel reads, as the row stores them: referrer domain, query, utm medium and source, hostname. */
    static List<String> inputs(Event e) {
        return Arrays.asList(ValueKind.stored(e.referrer().domain()), ValueKind.stored(e.page().urlQuery()),
                ValueKind.stored(e.campaign().utmMedium()), ValueKind.stored(e.campaign().utmSource()), ValueKind.stored(e.page().hostname()));
    }

    /** The channel ('' for none) of each view's inputs. */
    static Map<List<String>, String> of(Connection c, Collection<Event> views) throws SQLException {
        Map<List<String>, String> found = new HashMap<>();
        Set<List<String>> unknown = new LinkedHashSet<>();
        for (Event e : views) {
            List<String> in = inputs(e);
            String known = KNOWN.get(in);
            if (known != null) found.put(in, known);
            else unknown.add(in);
        }
        if (unknown.isEmpty()) return found;
        if (KNOWN.size() + unknown.size() > KEPT) KNOWN.clear();
        List<List<String>> asked = new ArrayList<>(unknown);
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            for (int f = 0; f < 5; f++) {
                Object[] column = new Object[asked.size()];
                for (int i = 0; i < column.length; i++) column[i] = asked.get(i).get(f);
                ps.setArray(f + 1, c.createArrayOf("text", column));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String channel = rs.getString(2);
                    List<String> in = asked.get(rs.getInt(1) - 1);
                    found.put(in, channel == null ? "" : channel);
                    KNOWN.put(in, channel == null ? "" : channel);
                }
            }
        }
        return found;
    }
}
