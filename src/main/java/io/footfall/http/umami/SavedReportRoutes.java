package io.footfall.http.umami;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.auth.Principal;
import io.footfall.http.ApiException;
import io.footfall.http.ApiRequest;
import io.footfall.http.Authenticator;
import io.footfall.http.Inputs;
import io.footfall.http.Json;
import io.footfall.http.Reply;
import io.footfall.http.Router;
import io.footfall.store.meta.PageOf;
import io.footfall.store.meta.SavedReport;
import io.footfall.manage.WebsiteService;
import io.footfall.store.EventStore;
import io.footfall.store.MetaStore;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Saved reports: {@code GET/POST /api/reports}, {@code GET/POST/DELETE /api/reports/:reportId}. A report belongs to
 * the user who saved it; others get 401, an admin sees and changes all. Saving needs view access to the website.
 */
public final class SavedReportRoutes {
    static final Set<String> TYPES = Set.of("attribution", "breakdown", "funnel", "goal", "journey", "retention", "revenue", "utm");
    static final int MAX_PARAMETERS_BYTES = 64 * 1024;

    private final Authenticator auth;
    private final WebsiteReads reads;
    private final MetaStore meta;

    public SavedReportRoutes(Authenticator auth, WebsiteService websites, EventStore events, MetaStore meta) {
        this.auth = auth;
        this.reads = new WebsiteReads(auth.permissions(), websites, events);
        this.meta = meta;
    }

    /** Register after {@link ReportRoutes}, whose fixed paths share the prefix. */
    public void register(Router r) {
        r.get("/api/reports", auth.guard(this::list));
        r.post("/api/reports", auth.guard(this::create));
        r.get("/api/reports/{reportId}", auth.guard(req -> Reply.ok(render(owned(req)))));
        r.post("/api/reports/{reportId}", auth.guard(this::update));
        r.delete("/api/reports/{reportId}", auth.guard(this::delete));
    }

    private Reply list(ApiRequest req) throws SQLException {
        Principal principal = req.principal();
        String site = req.query("websiteId");
        UUID websiteId = site == null ? null : Inputs.uuid(site, "websiteId");
        String type = req.query("type");
        if (type != null && !TYPES.contains(type)) throw ApiException.badRequest("Unknown report type: " + type);
        int page = Inputs.positiveInt(req, "page", 1, 1_000_000);
        int pageSize = Inputs.positiveInt(req, "pageSize", 20, 1000);
        UUID owner = principal.user().isAdmin() ? null : principal.user().id();
        PageOf<SavedReport> found = meta.listReports(owner, websiteId, type, page, pageSize);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", found.data().stream().map(SavedReportRoutes::render).toList());
        body.put("count", found.count());
        body.put("page", found.page());
        body.put("pageSize", found.pageSize());
        return Reply.ok(body);
    }

    private Reply create(ApiRequest req) throws SQLException {
        JsonNode body = req.jsonObject();
        Principal principal = req.principal();
        UUID websiteId = Inputs.uuid(Inputs.requiredString(body, "websiteId", 36), "websiteId");
        String type = type(Inputs.requiredString(body, "type", 20));
        String name = Inputs.requiredString(body, "name", 200);
        String description = Inputs.optionalString(body, "description", 500);
        String parameters = parameters(body.get("parameters"));
        reads.website(principal, websiteId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SavedReport report = new SavedReport(UUID.randomUUID(), principal.user().id(), websiteId, type, name,
                description == null ? "" : description, parameters, now, now);
        meta.insertReport(report);
        return Reply.ok(render(report));
    }

    private Reply update(ApiRequest req) throws SQLException {
        SavedReport old = owned(req);
        JsonNode body = req.jsonObject();
        UUID websiteId = old.websiteId();
        String site = Inputs.optionalString(body, "websiteId", 36);
        if (site != null) {
            websiteId = Inputs.uuid(site, "websiteId");
            reads.website(req.principal(), websiteId);
        }
        String type = Inputs.optionalString(body, "type", 20);
        String name = Inputs.optionalString(body, "name", 200);
        if (name != null && name.isBlank()) throw ApiException.badRequest("'name' must not be blank");
        String description = Inputs.optionalString(body, "description", 500);
        String parameters = body.has("parameters") ? parameters(body.get("parameters")) : old.parameters();
        SavedReport updated = new SavedReport(old.id(), old.userId(), websiteId, type == null ? old.type() : type(type),
                name == null ? old.name() : name, description == null ? old.description() : description, parameters,
                old.createdAt(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        meta.updateReport(updated);
        return Reply.ok(render(updated));
    }

    private Reply delete(ApiRequest req) throws SQLException {
        meta.deleteReport(owned(req).id());
        return Reply.okTrue();
    }

    /** The report of the path if the caller owns it or is an admin: 404 when there is none, 401 for others. */
    private SavedReport owned(ApiRequest req) throws SQLException {
        Principal principal = req.principal();
        UUID id = Inputs.uuid(req.pathParam("reportId"), "reportId");
        SavedReport report = meta.findReport(id).orElseThrow(() -> ApiException.notFound("Report not found"));
        if (!principal.user().isAdmin() && !report.userId().equals(principal.user().id())) throw ApiException.unauthorized();
        return report;
    }

    private static String type(String type) {
        if (!TYPES.contains(type)) throw ApiException.badRequest("Unknown report type: " + type + "; known: " + String.join(", ", TYPES.stream().sorted().toList()));
        return type;
    }

    private static String parameters(JsonNode node) {
        if (node == null || !node.isObject()) throw ApiException.badRequest("'parameters' must be an object");
        String text = node.toString();
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_PARAMETERS_BYTES) {
            throw ApiException.badRequest("'parameters' must be at most " + MAX_PARAMETERS_BYTES + " bytes");
        }
        return text;
    }

    static Map<String, Object> render(SavedReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("userId", r.userId());
        m.put("websiteId", r.websiteId());
        m.put("type", r.type());
        m.put("name", r.name());
        m.put("description", r.description() == null ? "" : r.description());
        m.put("parameters", Json.parse(r.parameters().getBytes(StandardCharsets.UTF_8)));
        m.put("createdAt", r.createdAt());
        m.put("updatedAt", r.updatedAt());
        return m;
    }
}
