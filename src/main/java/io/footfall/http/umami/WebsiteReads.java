package io.footfall.http.umami;

import io.footfall.auth.Permissions;
import io.footfall.auth.Principal;
import io.footfall.http.ApiException;
import io.footfall.http.ApiRequest;
import io.footfall.http.Inputs;
import io.footfall.manage.Website;
import io.footfall.manage.WebsiteService;
import io.footfall.query.EngineRegex;
import io.footfall.query.EventScope;
import io.footfall.query.QueryException;
import io.footfall.query.QueryParams;
import io.footfall.store.EventStore;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What every read route over a website's data does before its query: check that the caller may view
 * the website, parse the shared query parameters, honour the website's reset date, and map client
 * mistakes (bad parameters, a regular expression the engine rejects) to 400 instead of 500.
 */
final class WebsiteReads {
    private final Permissions permissions;
    private final WebsiteService websites;
    private final EventStore store;
    private final EngineRegex regex;

    WebsiteReads(Permissions permissions, WebsiteService websites, EventStore store) {
        this.permissions = permissions;
        this.websites = websites;
        this.store = store;
        this.regex = new EngineRegex(store);
    }

    /** The scope of a request whose range ({@code startAt}, {@code endAt}) is required. */
    EventScope scope(ApiRequest req) throws SQLException {
        UUID websiteId = website(req);
        return finish(websiteId, bad(() -> QueryParams.parse(source(req))));
    }

    /**
     * The scope of a request whose range is optional: missing bounds default to {@code defaultStart}
     * and {@code defaultEnd}.
     */
    EventScope scope(ApiRequest req, Instant defaultStart, Instant defaultEnd) throws SQLException {
        UUID websiteId = website(req);
        return finish(websiteId, bad(() -> QueryParams.parse(withDefaults(source(req), defaultStart, defaultEnd))));
    }

    /**
     * The website id of the path (or a link's or pixel's), if the caller (a user or a share token) may view it; an admin may ask about
     * unknown ids (empty results).
     */
    UUID website(ApiRequest req) throws SQLException {
        Principal principal = req.principal();
        UUID id = Inputs.uuid(req.pathParam("websiteId"), "websiteId");
        Website w = websites.find(id).orElse(null);
        if (w == null) {
            var tracked = websites.findLinkOrPixel(id).orElse(null);
            if (tracked != null) {
                if (!permissions.canViewOwned(principal, id, tracked.userId(), tracked.teamId())) throw ApiException.unauthorized();
                return id;
            }
            if (!principal.isShare() && principal.user().isAdmin()) return id;
            throw ApiException.unauthorized();
        }
        if (!permissions.canViewWebsite(principal, w)) throw ApiException.unauthorized();
        return id;
    }

    /** The scope for parameters the caller parsed itself (a fixed range, realtime's settings). */
    EventScope finish(UUID websiteId, QueryParams p) throws SQLException {
        try {
            regex.check(p);
        } catch (QueryException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        checkSegment(websiteId, p.segment(), "segment");
        checkSegment(websiteId, p.cohort(), "cohort");
        Website w = websites.find(websiteId).orElse(null);
        if (w != null && w.resetAt() != null && p.startAt().isBefore(w.resetAt())) {
            p = p.withRange(w.resetAt(), p.endAt());
        }
        return new EventScope(websiteId, p, store.dialect());
    }

    private void checkSegment(UUID websiteId, UUID id, String type) throws SQLException {
        if (id == null) return;
        boolean exists = store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM segment WHERE segment_id = ? AND website_id = ? AND type = ?")) {
                ps.setObject(1, id);
                ps.setObject(2, websiteId);
                ps.setString(3, type);
                try (var rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
        if (!exists) throw ApiException.badRequest("Unknown " + type + ": " + id);
        throw ApiException.badRequest("Filtering by " + type + " is not supported yet");
    }

    static QueryParams.Source source(ApiRequest req) {
        return new QueryParams.Source() {
            @Override
            public String get(String name) {
                return req.query(name);
            }

            @Override
            public Set<String> names() {
                return req.queryNames();
            }
        };
    }

    private static QueryParams.Source withDefaults(QueryParams.Source q, Instant start, Instant end) {
        return new QueryParams.Source() {
            @Override
            public String get(String name) {
                String v = q.get(name);
                if (v != null) return v;
                if (name.equals("startAt")) return Long.toString(start.toEpochMilli());
                if (name.equals("endAt")) return Long.toString(end.toEpochMilli());
                return null;
            }

            @Override
            public Set<String> names() {
                return q.names();
            }
        };
    }

    /** A required, bounded query parameter (400 when missing or too long). */
    static String required(ApiRequest req, String name) {
        String v = req.query(name);
        if (v == null) throw ApiException.badRequest("'" + name + "' is required");
        if (v.length() > QueryParams.MAX_VALUE_LENGTH) {
            throw ApiException.badRequest("'" + name + "' must be at most " + QueryParams.MAX_VALUE_LENGTH + " characters");
        }
        return v;
    }

    @FunctionalInterface
    interface SqlCall<T> {
        T call() throws SQLException;
    }

    static <T> T bad(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (QueryException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /**
     * Runs a route's query, made of several statements, so that they all see the rollups in one state
     * ({@link EventStore#readTogether}); client mistakes answer 400 as in {@link #run}.
     */
    <T> T together(SqlCall<T> call) throws SQLException {
        return run(() -> store.readTogether(call::call));
    }

    /**
     * Runs a query; a client regular expression the engine rejects (its syntax differs a little from
     * Java's, which validated it) is the client's error, not a 500.
     */
    static <T> T run(SqlCall<T> call) throws SQLException {
        try {
            return call.call();
        } catch (QueryException e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (SQLException e) {
            String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("regex") || m.contains("regular expression")) throw ApiException.badRequest("Invalid regular expression");
            throw e;
        }
    }
}
