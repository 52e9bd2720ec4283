package io.footfall.http.umami;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.auth.Permissions;
import io.footfall.auth.Principal;
import io.footfall.http.ApiException;
import io.footfall.http.ApiRequest;
import io.footfall.http.Inputs;
import io.footfall.http.Json;
import io.footfall.store.meta.Segment;
import io.footfall.store.meta.Website;
import io.footfall.manage.WebsiteService;
import io.footfall.query.Cohort;
import io.footfall.query.EventScope;
import io.footfall.query.Filter;
import io.footfall.query.QueryException;
import io.footfall.query.QueryParams;
import io.footfall.query.SegmentFilters;
import io.footfall.accelerate.duckdb.AcceleratedAnalytics;
import io.footfall.query.Analytics;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What every read route over a website's data does before its query: check that the caller may view
 * the website, parse the shared query parameters (a {@code segment}'s filters among them, a {@code cohort}
 * as one more filter), honour the website's reset date, and map client
 * mistakes (bad parameters, a regular expression the engine rejects) to 400 instead of 500.
 */
final class WebsiteReads {
    private final Permissions permissions;
    private final WebsiteService websites;
    private final Analytics analytics;

    WebsiteReads(Permissions permissions, WebsiteService websites, Analytics analytics) {
        this.permissions = permissions;
        this.websites = websites;
        this.analytics = analytics;
    }

    /**
     * For the report routes, which read the store themselves (they stay outside the query seam for now): only
     * the scope, the regex check and reading together are used, which no query option shapes.
     */
    WebsiteReads(Permissions permissions, WebsiteService websites, EventStore store) {
        this(permissions, websites, new AcceleratedAnalytics(store, io.footfall.config.QueryOptions.DEFAULTS));
    }

    /** The scope of a request whose range ({@code startAt}, {@code endAt}) is required. */
    EventScope scope(ApiRequest req) throws SQLException {
        UUID websiteId = website(req);
        QueryParams.Source source = source(websiteId, req);
        return finish(websiteId, bad(() -> QueryParams.parse(source)));
    }

    /**
     * The scope of a request whose range is optional: missing bounds default to {@code defaultStart}
     * and {@code defaultEnd}.
     */
    EventScope scope(ApiRequest req, Instant defaultStart, Instant defaultEnd) throws SQLException {
        UUID websiteId = website(req);
        QueryParams.Source source = source(websiteId, req);
        return finish(websiteId, bad(() -> QueryParams.parse(withDefaults(source, defaultStart, defaultEnd))));
    }

    /**
     * The website id of the path (or a link's or pixel's), if the caller (a user or a share token) may view it; an admin may ask about
     * unknown ids (empty results).
     */
    UUID website(ApiRequest req) throws SQLException {
        return website(req.principal(), Inputs.uuid(req.pathParam("websiteId"), "websiteId"));
    }

    /** The website id, if the principal may view it; an admin may ask about unknown ids (empty results). */
    UUID website(Principal principal, UUID id) throws SQLException {
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
            analytics.checkRegex(p);
        } catch (QueryException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        if (p.cohort() != null) p = p.withFilter(Filter.cohort(cohort(websiteId, p.cohort())));
        Website w = websites.find(websiteId).orElse(null);
        if (w != null && w.resetAt() != null && p.startAt().isBefore(w.resetAt())) {
            p = p.withRange(w.resetAt(), p.endAt());
        }
        return new EventScope(websiteId, p, analytics.dialect());
    }

    /**
     * The request's query parameters, with the filters of its {@code segment} laid over them (so that a segment
     * reads exactly as its filters given inline); 400 for a segment id that is malformed, unknown, another
     * website's or a cohort's.
     */
    QueryParams.Source source(UUID websiteId, ApiRequest req) throws SQLException {
        return source(websiteId, source(req));
    }

    /** As {@link #source(UUID, ApiRequest)} for parameters that come from elsewhere (a report's body). */
    QueryParams.Source source(UUID websiteId, QueryParams.Source plain) throws SQLException {
        String raw = plain.get("segment");
        if (raw == null) return plain;
        Segment segment = saved(websiteId, raw, Segment.SEGMENT);
        return bad(() -> SegmentFilters.of(parameters(segment)).over(plain));
    }

    /** The cohort's definition, its relative date range taken back from now. */
    private Cohort cohort(UUID websiteId, UUID id) throws SQLException {
        Segment cohort = saved(websiteId, id.toString(), Segment.COHORT);
        return bad(() -> Cohort.of(parameters(cohort), Instant.now()));
    }

    private Segment saved(UUID websiteId, String raw, String type) throws SQLException {
        UUID id = Inputs.parseUuid(raw);
        if (id == null) throw ApiException.badRequest("'" + type + "' must be a UUID");
        return websites.segments().find(websiteId, id).filter(s -> s.type().equals(type))
                .orElseThrow(() -> ApiException.badRequest("Unknown " + type + ": " + id));
    }

    private static JsonNode parameters(Segment s) {
        try {
            return Json.MAPPER.readTree(s.parameters());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored parameters of segment " + s.id() + " are not JSON", e);
        }
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

    static QueryParams.Source withDefaults(QueryParams.Source q, Instant start, Instant end) {
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
     * ({@link Analytics#together}); client mistakes answer 400 as in {@link #run}.
     */
    <T> T together(SqlCall<T> call) throws SQLException {
        return run(() -> analytics.together(call::call));
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
