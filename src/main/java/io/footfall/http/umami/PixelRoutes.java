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
import io.footfall.store.meta.Pixel;
import io.footfall.manage.LinkPixelService;
import io.footfall.manage.TeamService;

import java.sql.SQLException;
import java.util.UUID;

/**
 * Tracking pixels under /api/pixels and /api/teams/:teamId/pixels. Owners, team members (reading) and team roles
 * that change websites (writing) as for websites; refusals and ids the caller cannot see are 401.
 */
public final class PixelRoutes {
    static final int MAX_NAME = 100;

    private final Authenticator auth;
    private final Permissions permissions;
    private final LinkPixelService service;
    private final TeamService teams;

    public PixelRoutes(Authenticator auth, LinkPixelService service, TeamService teams) {
        this.auth = auth;
        this.permissions = auth.permissions();
        this.service = service;
        this.teams = teams;
    }

    public void register(Router r) {
        r.get("/api/pixels", auth.guard(this::listOwn));
        r.post("/api/pixels", auth.guard(this::create));
        r.get("/api/pixels/{pixelId}", auth.guard(this::get));
        r.post("/api/pixels/{pixelId}", auth.guard(this::update));
        r.delete("/api/pixels/{pixelId}", auth.guard(this::delete));
        r.get("/api/teams/{teamId}/pixels", auth.guard(this::listOfTeam));
    }

    private Reply listOwn(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        WebsiteRoutes.Paging g = new WebsiteRoutes.Paging(req);
        return Reply.ok(Views.page(service.pixels(p.user().id(), null, g.search(), g.page(), g.pageSize()), Views::pixel));
    }

    private Reply listOfTeam(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        UUID teamId = Inputs.uuid(req.pathParam("teamId"), "teamId");
        if (!permissions.canViewTeam(p.user(), teamId)) throw ApiException.unauthorized();
        if (teams.find(teamId).isEmpty()) throw ApiException.notFound("Team not found");
        WebsiteRoutes.Paging g = new WebsiteRoutes.Paging(req);
        return Reply.ok(Views.page(service.pixels(null, teamId, g.search(), g.page(), g.pageSize()), Views::pixel));
    }

    private Reply create(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        JsonNode body = req.jsonObject();
        String name = Inputs.requiredString(body, "name", MAX_NAME);
        String slug = LinkRoutes.slug(body);
        UUID teamId = Inputs.optionalUuid(body, "teamId");
        UUID id = Inputs.optionalUuid(body, "id");
        LinkRoutes.mayCreate(permissions, teams, p, teamId);
        try {
            return Reply.ok(Views.pixel(service.createPixel(id, name, slug, p.user().id(), teamId)));
        } catch (AlreadyExistsException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private Reply get(ApiRequest req) throws SQLException {
        return Reply.ok(Views.pixel(viewable(req)));
    }

    private Reply update(ApiRequest req) throws SQLException {
        Pixel l = changeable(req);
        JsonNode body = req.jsonObject();
        String name = body.has("name") ? Inputs.requiredString(body, "name", MAX_NAME) : l.name();
        String slug = body.has("slug") ? LinkRoutes.slug(body) : l.slug();
        try {
            return Reply.ok(Views.pixel(service.updatePixel(l, name, slug)));
        } catch (AlreadyExistsException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private Reply delete(ApiRequest req) throws SQLException {
        service.deletePixel(changeable(req));
        return Reply.okTrue();
    }

    private Pixel viewable(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        Pixel l = service.findPixel(Inputs.uuid(req.pathParam("pixelId"), "pixelId")).orElse(null);
        if (l == null) throw LinkRoutes.unknown(p);
        if (!permissions.canViewOwned(p, l.id(), l.userId(), l.teamId())) throw ApiException.unauthorized();
        return l;
    }

    private Pixel changeable(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        Pixel l = service.findPixel(Inputs.uuid(req.pathParam("pixelId"), "pixelId")).orElse(null);
        if (l == null) throw LinkRoutes.unknown(p);
        if (!permissions.canChangeOwned(p.user(), l.userId(), l.teamId(), Permissions.Action.WEBSITE_UPDATE)) {
            throw ApiException.unauthorized();
        }
        return l;
    }
}
