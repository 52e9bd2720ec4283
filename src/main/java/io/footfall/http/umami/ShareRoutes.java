package io.footfall.http.umami;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.auth.Permissions;
import io.footfall.auth.Principal;
import io.footfall.auth.ShareTokens;
import io.footfall.http.ApiException;
import io.footfall.http.ApiRequest;
import io.footfall.http.Authenticator;
import io.footfall.http.Inputs;
import io.footfall.http.Json;
import io.footfall.http.Reply;
import io.footfall.http.Router;
import io.footfall.manage.AlreadyExistsException;
import io.footfall.manage.Share;
import io.footfall.manage.ShareService;
import io.footfall.manage.Website;
import io.footfall.manage.WebsiteService;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Share links. {@code GET /api/share/:slug} needs no login and answers a share token that reads the shared
 * website's statistics only; managing shares needs the right to view (list, read) or change (create, edit,
 * delete) the website, checked in {@link Permissions}. Only website shares (type 1) exist here.
 */
public final class ShareRoutes {
    static final int MAX_NAME = 200;
    static final int MAX_SLUG = 100;
    private static final int MAX_PARAMETERS = 10_000;

    private final Authenticator auth;
    private final Permissions permissions;
    private final ShareService shares;
    private final WebsiteService websites;
    private final ShareTokens tokens;

    public ShareRoutes(Authenticator auth, ShareService shares, WebsiteService websites, ShareTokens tokens) {
        this.auth = auth;
        this.permissions = auth.permissions();
        this.shares = shares;
        this.websites = websites;
        this.tokens = tokens;
    }

    public void register(Router r) {
        r.post("/api/share", auth.guard(this::create));
        r.get("/api/share/id/{shareId}", auth.guard(this::get));
        r.post("/api/share/id/{shareId}", auth.guard(this::update));
        r.delete("/api/share/id/{shareId}", auth.guard(this::delete));
        r.get("/api/share/{slug}", this::open);
        r.get("/api/websites/{websiteId}/shares", auth.guard(this::listOfWebsite));
        r.post("/api/websites/{websiteId}/shares", auth.guard(this::createForWebsite));
    }

    /** The public entry of a share link: the token the share page then sends with every read. */
    private Reply open(ApiRequest req) throws SQLException {
        String slug = req.pathParam("slug");
        if (slug.length() > MAX_SLUG) throw ApiException.notFound("Share not found");
        Share share = shares.findBySlug(slug).orElseThrow(() -> ApiException.notFound("Share not found"));
        if (websites.find(share.entityId()).isEmpty()) throw ApiException.notFound("Share not found");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("shareId", share.id());
        out.put("shareType", share.shareType());
        out.put("parameters", Views.parameters(share));
        out.put("websiteId", share.entityId());
        out.put("token", tokens.issue(share.id(), share.entityId()));
        return Reply.ok(out);
    }

    private Reply create(ApiRequest req) throws SQLException {
        JsonNode body = req.jsonObject();
        UUID entityId = Inputs.optionalUuid(body, "entityId");
        if (entityId == null) throw ApiException.badRequest("'entityId' is required");
        JsonNode type = body.get("shareType");
        if (type == null || !type.canConvertToInt()) throw ApiException.badRequest("'shareType' is required");
        if (type.asInt() != Share.WEBSITE) throw ApiException.badRequest("Only website shares (shareType 1) are supported");
        return Reply.ok(Views.share(createFor(req, changeable(req, entityId), body)));
    }

    private Reply createForWebsite(ApiRequest req) throws SQLException {
        Website w = changeable(req, Inputs.uuid(req.pathParam("websiteId"), "websiteId"));
        return Reply.ok(Views.share(createFor(req, w, req.jsonObject())));
    }

    private Share createFor(ApiRequest req, Website w, JsonNode body) throws SQLException {
        String name = Inputs.requiredString(body, "name", MAX_NAME);
        String slug = Inputs.optionalString(body, "slug", MAX_SLUG);
        try {
            return shares.createForWebsite(w.id(), name, slug, parameters(body));
        } catch (AlreadyExistsException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private Reply listOfWebsite(ApiRequest req) throws SQLException {
        Website w = viewable(req, Inputs.uuid(req.pathParam("websiteId"), "websiteId"));
        WebsiteRoutes.Paging p = new WebsiteRoutes.Paging(req);
        return Reply.ok(Views.page(shares.list(w.id(), p.page(), p.pageSize()), Views::share));
    }

    private Reply get(ApiRequest req) throws SQLException {
        Share share = existing(req);
        viewable(req, share.entityId());
        return Reply.ok(Views.share(share));
    }

    private Reply update(ApiRequest req) throws SQLException {
        Share share = existing(req);
        Website w = changeable(req, share.entityId());
        JsonNode body = req.jsonObject();
        String name = body.has("name") ? Inputs.requiredString(body, "name", MAX_NAME) : share.name();
        String slug = body.has("slug") ? Inputs.requiredString(body, "slug", MAX_SLUG) : share.slug();
        if (!slug.equals(share.slug()) && websites.shareIdTaken(slug, w.id())) throw ApiException.badRequest("Share slug is already in use");
        Share updated;
        try {
            updated = shares.update(share, name, slug, parameters(body));
        } catch (AlreadyExistsException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        // The website's own share link follows its share, so both name the same slug.
        if (share.slug().equals(w.shareId())) websites.update(w, w.name(), w.domain(), slug);
        return Reply.ok(Views.share(updated));
    }

    private Reply delete(ApiRequest req) throws SQLException {
        Share share = existing(req);
        Website w = changeable(req, share.entityId());
        shares.delete(share);
        if (share.slug().equals(w.shareId())) websites.update(w, w.name(), w.domain(), null);
        return Reply.okTrue();
    }

    private Share existing(ApiRequest req) throws SQLException {
        UUID id = Inputs.uuid(req.pathParam("shareId"), "shareId");
        return shares.find(id).orElseThrow(() -> ApiException.notFound("Share not found"));
    }

    /** The shared website, if the caller may view it (401 otherwise, also when it no longer exists). */
    private Website viewable(ApiRequest req, UUID websiteId) throws SQLException {
        Principal p = req.principal();
        Website w = websites.find(websiteId).orElseThrow(ApiException::unauthorized);
        if (!permissions.canViewWebsite(p, w)) throw ApiException.unauthorized();
        return w;
    }

    /** The shared website, if the caller may change it (401 otherwise, also when it does not exist). */
    private Website changeable(ApiRequest req, UUID websiteId) throws SQLException {
        Principal p = req.principal();
        Website w = websites.find(websiteId).orElseThrow(ApiException::unauthorized);
        if (!permissions.canUpdateWebsite(p.user(), w)) throw ApiException.unauthorized();
        return w;
    }

    /** The optional {@code parameters} object as JSON text. */
    private static String parameters(JsonNode body) {
        JsonNode n = body.get("parameters");
        if (n == null || n.isNull()) return null;
        if (!n.isObject()) throw ApiException.badRequest("'parameters' must be an object");
        String text = new String(Json.write(n), StandardCharsets.UTF_8);
        if (text.length() > MAX_PARAMETERS) throw ApiException.badRequest("'parameters' is too large");
        return text;
    }
}
