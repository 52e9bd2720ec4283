package io.footfall.http.umami;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.auth.Permissions;
import io.footfall.auth.Principal;
import io.footfall.http.ApiException;
import io.footfall.http.ApiRequest;
import io.footfall.http.Authenticator;
import io.footfall.http.Inputs;
import io.footfall.http.Reply;
import io.footfall.http.Router;
import io.footfall.manage.PageOf;
import io.footfall.manage.UserService;
import io.footfall.manage.Website;
import io.footfall.manage.WebsiteService;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Website CRUD and reset under /api/websites, with Umami's status codes. */
public final class WebsiteRoutes {
    static final int MAX_NAME = 100;
    static final int MAX_DOMAIN = 500;
    static final int MAX_SHARE_ID = 50;

    private final Authenticator auth;
    private final WebsiteService websites;
    private final UserService users;

    public WebsiteRoutes(Authenticator auth, WebsiteService websites, UserService users) {
        this.auth = auth;
        this.websites = websites;
        this.users = users;
    }

    public void register(Router r) {
        r.get("/api/websites", auth.guard(this::listOwn));
        r.post("/api/websites", auth.guard(this::create));
        r.get("/api/websites/{websiteId}", auth.guard(this::get));
        r.post("/api/websites/{websiteId}", auth.guard(this::update));
        r.delete("/api/websites/{websiteId}", auth.guard(this::delete));
        r.post("/api/websites/{websiteId}/reset", auth.guard(this::reset));
    }

    Reply listOwn(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        return listOf(req, p.user().id());
    }

    /** The websites a user owns, paged and searchable; the caller has checked that it may see them. */
    Reply listOf(ApiRequest req, UUID ownerId) throws SQLException {
        int page = Inputs.positiveInt(req, "page", 1, Integer.MAX_VALUE);
        int pageSize = Inputs.positiveInt(req, "pageSize", 20, 100_000);
        String search = req.query("search");
        if (search != null && search.length() > 200) throw ApiException.badRequest("'search' is too long");
        PageOf<Website> result = websites.list(ownerId, search, page, pageSize);
        Map<UUID, String> names = new HashMap<>();
        return Reply.ok(Views.page(result, w -> Views.websiteWithOwner(w, id -> names.computeIfAbsent(id, this::username))));
    }

    private String username(UUID id) {
        try {
            return users.find(id).map(u -> u.username()).orElse(null);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Reply create(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        if (!Permissions.canCreateWebsite(p.user())) throw ApiException.unauthorized();
        JsonNode body = req.jsonObject();
        String name = Inputs.requiredString(body, "name", MAX_NAME);
        String domain = Inputs.requiredString(body, "domain", MAX_DOMAIN);
        String shareId = Inputs.optionalString(body, "shareId", MAX_SHARE_ID);
        UUID teamId = Inputs.optionalUuid(body, "teamId");
        UUID id = Inputs.optionalUuid(body, "id");
        if (teamId != null) throw ApiException.badRequest("Team not found: " + teamId);
        if (id != null && websites.idTaken(id)) {
            Website taken = websites.find(id).orElse(null);
            // Someone else's website is answered as every request about a website the caller cannot see (401),
            // so "already exists" tells only owners and admins that the id is in use.
            if (!p.user().isAdmin() && (taken == null || !Permissions.canViewWebsite(p.user(), taken))) {
                throw ApiException.unauthorized();
            }
            throw ApiException.badRequest("A website with id " + id + " already exists");
        }
        if (shareId != null && websites.shareIdTaken(shareId, null)) throw ApiException.badRequest("Share id is already in use");
        return Reply.ok(Views.website(websites.create(id, name, domain, shareId, p.user().id(), teamId)));
    }

    private Reply get(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        UUID id = Inputs.uuid(req.pathParam("websiteId"), "websiteId");
        Website w = websites.find(id).orElse(null);
        if (w == null) {
            // Real Umami answers an admin 200 null and everyone else 401 for an unknown id.
            if (p.user().isAdmin()) return Reply.ok(null);
            throw ApiException.unauthorized();
        }
        if (!Permissions.canViewWebsite(p.user(), w)) throw ApiException.unauthorized();
        return Reply.ok(Views.website(w));
    }

    private Reply update(ApiRequest req) throws SQLException {
        Website w = editable(req);
        JsonNode body = req.jsonObject();
        String name = body.has("name") ? Inputs.requiredString(body, "name", MAX_NAME) : w.name();
        String domain = body.has("domain") ? Inputs.requiredString(body, "domain", MAX_DOMAIN) : w.domain();
        String shareId = body.has("shareId") ? Inputs.optionalString(body, "shareId", MAX_SHARE_ID) : w.shareId();
        if (shareId != null && websites.shareIdTaken(shareId, w.id())) throw ApiException.badRequest("Share id is already in use");
        return Reply.ok(Views.website(websites.update(w, name, domain, shareId)));
    }

    private Reply delete(ApiRequest req) throws SQLException {
        websites.delete(editable(req));
        return Reply.okTrue();
    }

    private Reply reset(ApiRequest req) throws SQLException {
        websites.reset(editable(req));
        return Reply.okTrue();
    }

    /** The website named in the path, if the caller may change it (401 otherwise, 404 when unknown to an admin). */
    private Website editable(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        UUID id = Inputs.uuid(req.pathParam("websiteId"), "websiteId");
        Website w = websites.find(id).orElse(null);
        if (w == null) {
            if (p.user().isAdmin()) throw ApiException.notFound("Website not found");
            throw ApiException.unauthorized();
        }
        if (!Permissions.canUpdateWebsite(p.user(), w)) throw ApiException.unauthorized();
        return w;
    }
}
