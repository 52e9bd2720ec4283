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
import io.footfall.store.meta.Share;
import io.footfall.manage.ShareService;
import io.footfall.store.meta.Website;
import io.footfall.manage.WebsiteService;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Share links. {@code GET /api/share/:slug} needs no login and answers a share token that reads the shared
 * entity's statistics only; managing shares needs the right to view (list, read) or change (create, edit,
 * delete) the shared entity, checked in {@link Permissions}. Websites, links, pixels and boards (share types
 * 1-4) can be shared; the per-entity routes of links, pixels and boards are in {@link EntityShareRoutes}.
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
    private final ShareableEntities entities;

    public ShareRoutes(Authenticator auth, ShareService shares, WebsiteService websites, ShareTokens tokens) {
        this(auth, shares, websites, tokens, null, null);
    }

    public ShareRoutes(Authenticator auth, ShareService shares, WebsiteService websites, ShareTokens tokens,
                       io.footfall.manage.LinkPixelService linksAndPixels, io.footfall.manage.BoardService boards) {
        this.auth = auth;
        this.permissions = auth.permissions();
        this.shares = shares;
        this.websites = websites;
        this.tokens = tokens;
        this.entities = new ShareableEntities(websites, linksAndPixels, boards);
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
        if (entities.find(share.shareType(), share.entityId()).isEmpty()) throw ApiException.notFound("Share not found");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("shareId", share.id());
        out.put("shareType", share.shareType());
        out.put("parameters", Views.parameters(share));
        // Links and pixels are read through the website statistics routes, by their own id.
        out.put(share.shareType() == Share.BOARD ? "boardId" : "websiteId", share.entityId());
        out.put("token", tokens.issue(share.id(), share.entityId()));
        return Reply.ok(out);
    }

    private Reply create(ApiRequest req) throws SQLException {
        JsonNode body = req.jsonObject();
        UUID entityId = Inputs.optionalUuid(body, "entityId");
        if (entityId == null) throw ApiException.badRequest("'entityId' is required");
        JsonNode type = body.get("shareType");
        if (type == null || !type.canConvertToInt()) throw ApiException.badRequest("'shareType' is required");
        int shareType = type.asInt();
        if (!ShareableEntities.known(shareType)) {
            throw ApiException.badRequest("'shareType' must be 1 (website), 2 (link), 3 (pixel) or 4 (board)");
        }
        if (shareType == Share.WEBSITE) return Reply.ok(Views.share(createFor(req, changeable(req, entityId), body)));
        changeableEntity(req, shareType, entityId);
        return Reply.ok(Views.share(createEntityShare(shares, entityId, shareType, body)));
    }

    /** A share of a link, pixel or board; the caller has checked that it may change the entity. */
    static Share createEntityShare(ShareService shares, UUID entityId, int shareType, JsonNode body) throws SQLException {
        String name = Inputs.requiredString(body, "name", MAX_NAME);
        String slug = Inputs.optionalString(body, "slug", MAX_SLUG);
        try {
            return shares.create(entityId, shareType, name, slug, parameters(body));
        } catch (AlreadyExistsException e) {
            throw ApiException.badRequest(e.getMessage());
        }
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
        if (share.shareType() == Share.WEBSITE) viewable(req, share.entityId());
        else viewableEntity(req, share.shareType(), share.entityId());
        return Reply.ok(Views.share(share));
    }

    private Reply update(ApiRequest req) throws SQLException {
        Share share = existing(req);
        if (share.shareType() != Share.WEBSITE) return updateEntityShare(req, share);
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

    private Reply updateEntityShare(ApiRequest req, Share share) throws SQLException {
        changeableEntity(req, share.shareType(), share.entityId());
        JsonNode body = req.jsonObject();
        String name = body.has("name") ? Inputs.requiredString(body, "name", MAX_NAME) : share.name();
        String slug = body.has("slug") ? Inputs.requiredString(body, "slug", MAX_SLUG) : share.slug();
        try {
            return Reply.ok(Views.share(shares.update(share, name, slug, parameters(body))));
        } catch (AlreadyExistsException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private Reply delete(ApiRequest req) throws SQLException {
        Share share = existing(req);
        if (share.shareType() != Share.WEBSITE) {
            changeableEntity(req, share.shareType(), share.entityId());
            shares.delete(share);
            return Reply.okTrue();
        }
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

    /** A shared link, pixel or board the caller may view (401 otherwise, also when it no longer exists). */
    private void viewableEntity(ApiRequest req, int shareType, UUID id) throws SQLException {
        var e = entities.find(shareType, id).orElseThrow(ApiException::unauthorized);
        if (!permissions.canViewOwned(req.principal(), e.id(), e.userId(), e.teamId())) throw ApiException.unauthorized();
    }

    /** A shared link, pixel or board the caller may change (401 otherwise, also when it does not exist). */
    private void changeableEntity(ApiRequest req, int shareType, UUID id) throws SQLException {
        Principal p = req.principal();
        var e = entities.find(shareType, id).orElseThrow(ApiException::unauthorized);
        if (!permissions.canChangeOwned(p.user(), e.userId(), e.teamId(), Permissions.Action.WEBSITE_UPDATE)) {
            throw ApiException.unauthorized();
        }
    }

    /** The optional {@code parameters} object as JSON text. */
    static String parameters(JsonNode body) {
        JsonNode n = body.get("parameters");
        if (n == null || n.isNull()) return null;
        if (!n.isObject()) throw ApiException.badRequest("'parameters' must be an object");
        String text = new String(Json.write(n), StandardCharsets.UTF_8);
        if (text.length() > MAX_PARAMETERS) throw ApiException.badRequest("'parameters' is too large");
        return text;
    }
}
