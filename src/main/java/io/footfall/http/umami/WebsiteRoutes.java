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
import io.footfall.store.meta.PageOf;
import io.footfall.manage.ShareService;
import io.footfall.manage.TeamService;
import io.footfall.manage.UserService;
import io.footfall.store.meta.Website;
import io.footfall.store.meta.WebsiteQuery;
import io.footfall.manage.WebsiteService;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Website CRUD, reset and transfer under /api/websites, with Umami's status codes. */
public final class WebsiteRoutes {
    static final int MAX_NAME = 100;
    static final int MAX_DOMAIN = 500;
    static final int MAX_SHARE_ID = 50;
    private static final int MAX_SEARCH = 200;

    private final Authenticator auth;
    private final Permissions permissions;
    private final ChangeableWebsites changeable;
    private final WebsiteService websites;
    private final UserService users;
    private final TeamService teams;
    private final ShareService shares;

    public WebsiteRoutes(Authenticator auth, WebsiteService websites, UserService users, TeamService teams,
                         ShareService shares) {
        this.auth = auth;
        this.permissions = auth.permissions();
        this.changeable = new ChangeableWebsites(permissions, websites);
        this.websites = websites;
        this.users = users;
        this.teams = teams;
        this.shares = shares;
    }

    public void register(Router r) {
        r.get("/api/websites", auth.guard(this::listOwn));
        r.post("/api/websites", auth.guard(this::create));
        r.get("/api/websites/{websiteId}", auth.guardStatistics(this::get));
        r.post("/api/websites/{websiteId}", auth.guard(this::update));
        r.delete("/api/websites/{websiteId}", auth.guard(this::delete));
        r.post("/api/websites/{websiteId}/reset", auth.guard(this::reset));
        r.post("/api/websites/{websiteId}/transfer", auth.guard(this::transfer));
    }

    /** The caller's websites; with {@code includeTeams=true} those of its teams too, as Umami lists them. */
    Reply listOwn(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        return listOf(req, p.user().id());
    }

    /** The websites a user owns (and, with includeTeams, its teams' ones); the caller has checked that it may see them. */
    Reply listOf(ApiRequest req, UUID ownerId) throws SQLException {
        boolean includeTeams = Inputs.flag(req, "includeTeams");
        return list(req, new Paging(req), p -> new WebsiteQuery(ownerId, includeTeams ? ownerId : null, null, p.search, p.page, p.pageSize));
    }

    /** A team's websites; the caller has checked that it may see the team. */
    Reply listOfTeam(ApiRequest req, UUID teamId) throws SQLException {
        return list(req, new Paging(req), p -> new WebsiteQuery(null, null, teamId, p.search, p.page, p.pageSize));
    }

    /** Every website (the admin's list). */
    Reply listAll(ApiRequest req) throws SQLException {
        return list(req, new Paging(req), p -> WebsiteQuery.all(p.search, p.page, p.pageSize));
    }

    /** The paging and search parameters every list takes. */
    record Paging(int page, int pageSize, String search) {
        Paging(ApiRequest req) {
            this(Inputs.positiveInt(req, "page", 1, Integer.MAX_VALUE), Inputs.positiveInt(req, "pageSize", 20, 100_000),
                    search(req));
        }

        private static String search(ApiRequest req) {
            String search = req.query("search");
            if (search != null && search.length() > MAX_SEARCH) throw ApiException.badRequest("'search' is too long");
            return search;
        }
    }

    private Reply list(ApiRequest req, Paging paging, java.util.function.Function<Paging, WebsiteQuery> query) throws SQLException {
        PageOf<Website> result = websites.list(query.apply(paging));
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
        JsonNode body = req.jsonObject();
        String name = Inputs.requiredString(body, "name", MAX_NAME);
        String domain = Inputs.requiredString(body, "domain", MAX_DOMAIN);
        String shareId = Inputs.optionalString(body, "shareId", MAX_SHARE_ID);
        UUID teamId = Inputs.optionalUuid(body, "teamId");
        UUID id = Inputs.optionalUuid(body, "id");
        if (teamId != null) {
            if (!permissions.canCreateTeamWebsite(p.user(), teamId)) throw ApiException.unauthorized();
            if (teams.find(teamId).isEmpty()) throw ApiException.badRequest("Team not found: " + teamId);
        } else if (!Permissions.canCreateWebsite(p.user())) {
            throw ApiException.unauthorized();
        }
        if (id != null && websites.idTaken(id)) {
            Website taken = websites.find(id).orElse(null);
            // Someone else's website is answered as every request about a website the caller cannot see (401),
            // so "already exists" tells only those who may see it that the id is in use.
            if (!p.user().isAdmin() && (taken == null || !permissions.canViewWebsite(p, taken))) {
                throw ApiException.unauthorized();
            }
            throw ApiException.badRequest("A website with id " + id + " already exists");
        }
        if (shareId != null && shareIdTaken(shareId, null)) throw ApiException.badRequest("Share id is already in use");
        Website created = websites.create(id, name, domain, shareId, p.user().id(), teamId);
        shares.websiteShareIdChanged(created, null, shareId);
        return Reply.ok(Views.website(created));
    }

    private Reply get(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        UUID id = Inputs.uuid(req.pathParam("websiteId"), "websiteId");
        Website w = websites.find(id).orElse(null);
        if (w == null) {
            // Real Umami answers an admin 200 null and everyone else 401 for an unknown id.
            if (!p.isShare() && p.user().isAdmin()) return Reply.ok(null);
            throw ApiException.unauthorized();
        }
        if (!permissions.canViewWebsite(p, w)) throw ApiException.unauthorized();
        return Reply.ok(withSettings(w));
    }

    /** Changes name, domain or share id; a new {@code shareId} is a share link, null ends it (Umami 3.1). */
    private Reply update(ApiRequest req) throws SQLException {
        Website w = changeable.of(req, Permissions.Action.WEBSITE_UPDATE);
        JsonNode body = req.jsonObject();
        String name = body.has("name") ? Inputs.requiredString(body, "name", MAX_NAME) : w.name();
        String domain = body.has("domain") ? Inputs.requiredString(body, "domain", MAX_DOMAIN) : w.domain();
        String shareId = body.has("shareId") ? Inputs.optionalString(body, "shareId", MAX_SHARE_ID) : w.shareId();
        if (shareId != null && shareIdTaken(shareId, w)) throw ApiException.badRequest("Share id is already in use");
        Website updated = websites.update(w, name, domain, shareId);
        shares.websiteShareIdChanged(updated, w.shareId(), shareId);
        return Reply.ok(withSettings(updated));
    }

    /** One website as Umami shows it, plus the settings TinyTrail sets (content groups, excluded IPs). */
    private Map<String, Object> withSettings(Website w) throws SQLException {
        return Views.websiteWithSettings(w, websites.settings().find(w.id()));
    }

    private boolean shareIdTaken(String shareId, Website except) throws SQLException {
        if (websites.shareIdTaken(shareId, except == null ? null : except.id())) return true;
        return shares.findBySlug(shareId).filter(s -> except == null || !s.entityId().equals(except.id())).isPresent();
    }

    private Reply delete(ApiRequest req) throws SQLException {
        websites.delete(changeable.of(req, Permissions.Action.WEBSITE_DELETE));
        return Reply.okTrue();
    }

    private Reply reset(ApiRequest req) throws SQLException {
        websites.reset(changeable.of(req, Permissions.Action.WEBSITE_UPDATE));
        return Reply.okTrue();
    }

    /**
     * Moves a website to the caller (from a team where its role allows it) or to a team (from the caller, into a
     * team where its role allows it). Refusals and unknown websites are 401, as in Umami.
     */
    private Reply transfer(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        UUID id = Inputs.uuid(req.pathParam("websiteId"), "websiteId");
        JsonNode body = req.jsonObject();
        UUID userId = Inputs.optionalUuid(body, "userId");
        UUID teamId = Inputs.optionalUuid(body, "teamId");
        if ((userId == null) == (teamId == null)) throw ApiException.badRequest("Give exactly one of 'userId' and 'teamId'");
        Website w = websites.find(id).orElseThrow(ApiException::unauthorized);
        if (userId != null) {
            if (!permissions.canTransferToUser(p.user(), w, userId)) throw ApiException.unauthorized();
            return Reply.ok(Views.website(websites.transfer(w, userId, null)));
        }
        if (!permissions.canTransferToTeam(p.user(), w, teamId)) throw ApiException.unauthorized();
        return Reply.ok(Views.website(websites.transfer(w, null, teamId)));
    }
}
