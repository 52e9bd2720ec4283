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
import io.footfall.manage.AlreadyExistsException;
import io.footfall.store.meta.Link;
import io.footfall.manage.LinkPixelService;
import io.footfall.manage.TeamService;

import java.sql.SQLException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Tracked links under /api/links and /api/teams/:teamId/links. Owners, team members (reading) and team roles
 * that change websites (writing) as for websites; refusals and ids the caller cannot see are 401.
 */
public final class LinkRoutes {
    static final int MAX_NAME = 100;
    static final int MAX_URL = 500;
    static final int MAX_SLUG = 100;
    /** Slugs sit in a URL path ({@code /q/:slug}): unreserved characters only. */
    static final Pattern SLUG = Pattern.compile("[A-Za-z0-9._~-]+");

    private final Authenticator auth;
    private final Permissions permissions;
    private final LinkPixelService service;
    private final TeamService teams;

    public LinkRoutes(Authenticator auth, LinkPixelService service, TeamService teams) {
        this.auth = auth;
        this.permissions = auth.permissions();
        this.service = service;
        this.teams = teams;
    }

    public void register(Router r) {
        r.get("/api/links", auth.guard(this::listOwn));
        r.post("/api/links", auth.guard(this::create));
        r.get("/api/links/{linkId}", auth.guard(this::get));
        r.post("/api/links/{linkId}", auth.guard(this::update));
        r.delete("/api/links/{linkId}", auth.guard(this::delete));
        r.get("/api/teams/{teamId}/links", auth.guard(this::listOfTeam));
    }

    private Reply listOwn(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        WebsiteRoutes.Paging g = new WebsiteRoutes.Paging(req);
        return Reply.ok(Views.page(service.links(p.user().id(), null, g.search(), g.page(), g.pageSize()), Views::link));
    }

    private Reply listOfTeam(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        UUID teamId = Inputs.uuid(req.pathParam("teamId"), "teamId");
        if (!permissions.canViewTeam(p.user(), teamId)) throw ApiException.unauthorized();
        if (teams.find(teamId).isEmpty()) throw ApiException.notFound("Team not found");
        WebsiteRoutes.Paging g = new WebsiteRoutes.Paging(req);
        return Reply.ok(Views.page(service.links(null, teamId, g.search(), g.page(), g.pageSize()), Views::link));
    }

    private Reply create(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        JsonNode body = req.jsonObject();
        String name = Inputs.requiredString(body, "name", MAX_NAME);
        String url = url(body);
        String slug = slug(body);
        UUID teamId = Inputs.optionalUuid(body, "teamId");
        UUID id = Inputs.optionalUuid(body, "id");
        mayCreate(permissions, teams, p, teamId);
        try {
            return Reply.ok(Views.link(service.createLink(id, name, url, slug, p.user().id(), teamId)));
        } catch (AlreadyExistsException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private Reply get(ApiRequest req) throws SQLException {
        return Reply.ok(Views.link(viewable(req)));
    }

    private Reply update(ApiRequest req) throws SQLException {
        Link l = changeable(req);
        JsonNode body = req.jsonObject();
        String name = body.has("name") ? Inputs.requiredString(body, "name", MAX_NAME) : l.name();
        String url = body.has("url") ? url(body) : l.url();
        String slug = body.has("slug") ? slug(body) : l.slug();
        try {
            return Reply.ok(Views.link(service.updateLink(l, name, url, slug)));
        } catch (AlreadyExistsException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private Reply delete(ApiRequest req) throws SQLException {
        service.deleteLink(changeable(req));
        return Reply.okTrue();
    }

    private Link viewable(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        Link l = service.findLink(Inputs.uuid(req.pathParam("linkId"), "linkId")).orElse(null);
        if (l == null) throw unknown(p);
        if (!permissions.canViewOwned(p, l.id(), l.userId(), l.teamId())) throw ApiException.unauthorized();
        return l;
    }

    private Link changeable(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        Link l = service.findLink(Inputs.uuid(req.pathParam("linkId"), "linkId")).orElse(null);
        if (l == null) throw unknown(p);
        if (!permissions.canChangeOwned(p.user(), l.userId(), l.teamId(), Permissions.Action.WEBSITE_UPDATE)) {
            throw ApiException.unauthorized();
        }
        return l;
    }

    /** An unknown id: only an admin, who could see it if it existed, learns that it does not. */
    static ApiException unknown(Principal p) {
        return p.user().isAdmin() ? ApiException.notFound("Not found") : ApiException.unauthorized();
    }

    /** Creating for oneself needs an account role that creates; for a team, a team role that does (unknown team: 400). */
    static void mayCreate(Permissions permissions, TeamService teams, Principal p, UUID teamId) throws SQLException {
        if (teamId == null) {
            if (!Permissions.canCreateWebsite(p.user())) throw ApiException.unauthorized();
            return;
        }
        if (!permissions.canCreateTeamWebsite(p.user(), teamId)) throw ApiException.unauthorized();
        if (teams.find(teamId).isEmpty()) throw ApiException.badRequest("Team not found: " + teamId);
    }

    private static String url(JsonNode body) {
        String url = Inputs.requiredString(body, "url", MAX_URL);
        // A link redirects visitors: only web addresses, never javascript: or data: ones.
        if (!url.regionMatches(true, 0, "http://", 0, 7) && !url.regionMatches(true, 0, "https://", 0, 8)) {
            throw ApiException.badRequest("'url' must start with http:// or https://");
        }
        return url;
    }

    static String slug(JsonNode body) {
        String slug = Inputs.requiredString(body, "slug", MAX_SLUG);
        if (!SLUG.matcher(slug).matches()) {
            throw ApiException.badRequest("'slug' may hold only letters, digits and . _ ~ -");
        }
        return slug;
    }
}
