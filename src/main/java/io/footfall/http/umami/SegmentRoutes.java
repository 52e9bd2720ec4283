package io.footfall.http.umami;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.auth.Permissions;
import io.footfall.http.ApiException;
import io.footfall.http.ApiRequest;
import io.footfall.http.Authenticator;
import io.footfall.http.Inputs;
import io.footfall.http.Json;
import io.footfall.http.Reply;
import io.footfall.http.Router;
import io.footfall.store.meta.Segment;
import io.footfall.manage.SegmentService;
import io.footfall.store.meta.Website;
import io.footfall.manage.WebsiteService;
import io.footfall.query.Cohort;
import io.footfall.query.EngineRegex;
import io.footfall.query.QueryException;
import io.footfall.query.QueryParams;
import io.footfall.query.SegmentFilters;
import io.footfall.store.EventStore;

import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.footfall.http.umami.WebsiteReads.bad;

/**
 * Segments and cohorts of a website under {@code /api/websites/:websiteId/segments}: reading needs the right
 * to view the website, changing it the right to change the website (401 otherwise, as Umami). Parameters are
 * checked as the read routes will apply them, so a saved segment or cohort never fails a later read.
 */
public final class SegmentRoutes {
    static final int MAX_NAME = 200;
    static final int MAX_PARAMETERS = 20_000;

    private final Authenticator auth;
    private final SegmentService segments;
    private final WebsiteReads reads;
    private final ChangeableWebsites changeable;
    private final EngineRegex regex;

    public SegmentRoutes(Authenticator auth, WebsiteService websites, EventStore store) {
        this.auth = auth;
        this.segments = websites.segments();
        this.reads = new WebsiteReads(auth.permissions(), websites, store);
        this.changeable = new ChangeableWebsites(auth.permissions(), websites);
        this.regex = new EngineRegex(store);
    }

    public void register(Router r) {
        r.get("/api/websites/{websiteId}/segments", auth.guard(this::list));
        r.post("/api/websites/{websiteId}/segments", auth.guard(this::create));
        r.get("/api/websites/{websiteId}/segments/{segmentId}", auth.guard(this::get));
        r.post("/api/websites/{websiteId}/segments/{segmentId}", auth.guard(this::update));
        r.delete("/api/websites/{websiteId}/segments/{segmentId}", auth.guard(this::delete));
    }

    private Reply list(ApiRequest req) throws SQLException {
        UUID websiteId = reads.website(req);
        String type = type(req.query("type"));
        int page = Inputs.positiveInt(req, "page", 1, Integer.MAX_VALUE);
        int pageSize = Inputs.positiveInt(req, "pageSize", 20, 100_000);
        String search = req.query("search");
        if (search != null && search.length() > MAX_NAME) throw ApiException.badRequest("'search' is too long");
        return Reply.ok(Views.page(segments.list(websiteId, type, search, page, pageSize), SegmentRoutes::view));
    }

    private Reply get(ApiRequest req) throws SQLException {
        UUID websiteId = reads.website(req);
        return Reply.ok(view(existing(req, websiteId)));
    }

    private Reply create(ApiRequest req) throws SQLException {
        Website w = changeable.of(req, Permissions.Action.WEBSITE_UPDATE);
        Body b = body(req);
        return Reply.ok(view(segments.create(w.id(), b.type, b.name, b.parameters)));
    }

    private Reply update(ApiRequest req) throws SQLException {
        Website w = changeable.of(req, Permissions.Action.WEBSITE_UPDATE);
        Body b = body(req);
        return Reply.ok(view(segments.update(existing(req, w.id()), b.type, b.name, b.parameters)));
    }

    private Reply delete(ApiRequest req) throws SQLException {
        // As Umami: deleting a segment takes the right to delete the website, saving one the right to update it.
        Website w = changeable.of(req, Permissions.Action.WEBSITE_DELETE);
        segments.delete(existing(req, w.id()));
        return Reply.okTrue();
    }

    /** The segment of the path among the website's (of either type); 404 otherwise. */
    private Segment existing(ApiRequest req, UUID websiteId) throws SQLException {
        UUID id = Inputs.uuid(req.pathParam("segmentId"), "segmentId");
        return segments.find(websiteId, id).orElseThrow(() -> ApiException.notFound("Segment not found"));
    }

    private record Body(String type, String name, String parameters) {
    }

    private Body body(ApiRequest req) throws SQLException {
        JsonNode body = req.jsonObject();
        String type = type(Inputs.optionalString(body, "type", 20));
        String name = Inputs.requiredString(body, "name", MAX_NAME);
        JsonNode parameters = body.get("parameters");
        if (parameters == null || !parameters.isObject()) throw ApiException.badRequest("'parameters' must be an object");
        // Checked as the read routes will apply them: a saved segment or cohort never fails a read.
        QueryParams filters = bad(() -> SegmentFilters.of(parameters).alone());
        if (type.equals(Segment.COHORT)) bad(() -> Cohort.of(parameters, Instant.now()));
        try {
            regex.check(filters);
        } catch (QueryException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        String text = parameters.toString();
        if (text.length() > MAX_PARAMETERS) throw ApiException.badRequest("'parameters' must be at most " + MAX_PARAMETERS + " characters of JSON");
        return new Body(type, name, text);
    }

    private static String type(String type) {
        if (type == null) throw ApiException.badRequest("'type' is required (segment or cohort)");
        if (!type.equals(Segment.SEGMENT) && !type.equals(Segment.COHORT)) throw ApiException.badRequest("'type' must be segment or cohort");
        return type;
    }

    /** Umami's segment row: {@code {id, websiteId, type, name, parameters, createdAt, updatedAt}}. */
    static Map<String, Object> view(Segment s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("websiteId", s.websiteId());
        m.put("type", s.type());
        m.put("name", s.name());
        try {
            m.put("parameters", Json.MAPPER.readTree(s.parameters()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored parameters of segment " + s.id() + " are not JSON", e);
        }
        m.put("createdAt", s.createdAt());
        m.put("updatedAt", s.updatedAt());
        return m;
    }
}
