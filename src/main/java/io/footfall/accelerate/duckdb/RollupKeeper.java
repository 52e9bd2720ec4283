package io.footfall.accelerate.duckdb;

import io.footfall.store.duckdb.RollupMaintenance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rollups' side of the DuckDB store's writes: the store calls these at open, append, fold, re-ship and reset
 * ({@link RollupMaintenance}); each goes to the one place in this package that does it ({@link Rollups},
 * {@link ReshipRepair}, {@link SessionDataSpans}).
 */
public final class RollupKeeper implements RollupMaintenance {
    @Override
    public long prepare(Connection c) throws SQLException {
        Rollups.createViews(c);
        Rollups.fillIfNew(c);
        return Rollups.nextSeq(c);
    }

    @Override
    public Map<UUID, Long> tailBatches(Connection c) throws SQLException {
        Map<UUID, Long> batches = new HashMap<>();
        try (Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT website_id, max(ingest_seq) FROM " + Rollups.TAIL + " GROUP BY website_id")) {
            while (rs.next()) batches.put((UUID) rs.getObject(1), rs.getLong(2));
        }
        return batches;
    }

    @Override
    public long tailSize(Connection c) throws SQLException {
        return Rollups.tailSize(c);
    }

    @Override
    public long fold(Connection c) throws SQLException {
        return Rollups.fold(c);
    }

    @Override
    public Map<UUID, SessionSpan> sessionSpans(Connection c, UUID websiteId, Collection<UUID> sessionIds) throws SQLException {
        Map<UUID, SessionSpan> spans = new HashMap<>();
        SessionDataSpans.lookup(c, websiteId, sessionIds).forEach((id, s) -> spans.put(id, new SessionSpan(s.firstAt(), s.lastAt())));
        return spans;
    }

    @Override
    public void deleteEvents(Connection c, List<UUID> eventIds) throws SQLException {
        ReshipRepair.deleteEvents(c, eventIds);
    }

    @Override
    public void deleteWebsite(Connection c, UUID websiteId) throws SQLException {
        for (String table : Rollups.websiteTables()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE website_id = ?")) {
                ps.setObject(1, websiteId);
                ps.executeUpdate();
            }
        }
    }
}
