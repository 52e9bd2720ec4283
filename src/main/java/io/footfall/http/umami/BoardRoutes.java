package io.footfall.http.umami;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.auth.Permissions;
import io.footfall.auth.Principal;
import io.footfall.http.ApiException;
import io.footfall.http.ApiRequest;
import io.footfall.http.Authenticator;
import io.footfall.http.Inputs;
import io.footfall.http.Json;
import io.footfall.http.Reply;
import io.footfall.http.Router;
import io.footfall.store.meta.Board;
import io.footfall.manage.BoardService;
import io.footfall.manage.Owned;
import io.footfall.store.meta.Share;
import io.footfall.manage.TeamService;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Boards (Umami 3.3's custom dashboards): {@code /api/boards} CRUD, {@code /api/boards/:id/clone},
 * {@code /api/teams/:teamId/boards}. A board belongs to a user or a team and is viewed, changed and deleted as a
 * website of the same owner would be ({@link Permissions}); a board whose parameters name a website, link or
 * pixel the caller cannot view is refused (400), so a board never shows someone else's data.
 */
public final class BoardRoutes {
    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 500;
    static final int MAX_PARAMETERS = 100_000;
    /** Umami's board types; {@code open} is the client's older name for {@code mixed}. */
    static final Set<String> TYPES = Set.of("mixed", "website", "pixel", "link");

    private final Authenticator auth;
    private final Permissions permissions;
    private final BoardService boards;
    private final TeamService teams;
    private final ShareableEntities entities;

    public BoardRoutes(Authenticator auth, BoardService boards, TeamService teams, io.footfall.manage.WebsiteService websites,
                       io.footfall.manage.LinkPixelService linksAndPixels) {
        this.auth = auth;
        this.permissions = auth.permissions();
        this.boards = boards;
        this.teams = teams;
        this.entities = new ShareableEntities(websites, linksAndPixels, boards);
    }

    public void register(Router r) {
        r.get("/api/boards", auth.guard(this::listOwn));
        r.post("/api/boards", auth.guard(this::create));
        // A board share token may open the board it was made for.
        r.get("/api/boards/{boardId}", auth.guardStatistics(this::get));
        r.post("/api/boards/{boardId}", auth.guard(this::update));
        r.delete("/api/boards/{boardId}", auth.guard(this::delete));
        r.post("/api/boards/{boardId}/clone", auth.guard(this::cloneBoard));
        r.get("/api/teams/{teamId}/boards", auth.guard(this::listOfTeam));
    }

    private Reply listOwn(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        WebsiteRoutes.Paging g = new WebsiteRoutes.Paging(req);
        return Reply.ok(Views.page(boards.ofUser(p.user().id(), g.search(), g.page(), g.pageSize()), BoardRoutes::view));
    }

    private Reply listOfTeam(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        UUID teamId = Inputs.uuid(req.pathParam("teamId"), "teamId");
        if (!permissions.canViewTeam(p.user(), teamId)) throw ApiException.unauthorized();
        if (teams.find(teamId).isEmpty()) throw ApiException.notFound("Team not found");
        WebsiteRoutes.Paging g = new WebsiteRoutes.Paging(req);
        return Reply.ok(Views.page(boards.ofTeam(teamId, g.search(), g.page(), g.pageSize()), BoardRoutes::view));
    }

    private Reply create(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        JsonNode body = req.jsonObject();
        String type = type(body, true);
        String name = Inputs.requiredString(body, "name", MAX_NAME);
        String description = Inputs.optionalString(body, "description", MAX_DESCRIPTION);
        UUID teamId = Inputs.optionalUuid(body, "teamId");
        LinkRoutes.mayCreate(permissions, teams, p, teamId);
        String parameters = parameters(p, body, "{}");
        return Reply.ok(view(boards.create(type, name, description, parameters, p.user().id(), teamId)));
    }

    private Reply get(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        Board b = find(req);
        if (!permissions.canViewOwned(p, b.id(), b.userId(), b.teamId())) throw ApiException.unauthorized();
        return Reply.ok(view(b));
    }

    private Reply update(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        Board b = changeable(req, Permissions.Action.WEBSITE_UPDATE);
        JsonNode body = req.jsonObject();
        String type = body.has("type") ? type(body, true) : b.type();
        String name = body.has("name") ? Inputs.requiredString(body, "name", MAX_NAME) : b.name();
        String description = body.has("description") ? Inputs.optionalString(body, "description", MAX_DESCRIPTION) : b.description();
        String parameters = parameters(p, body, b.parameters());
        return Reply.ok(view(boards.update(b, type, name, description, parameters)));
    }

    private Reply delete(ApiRequest req) throws SQLException {
        boards.delete(changeable(req, Permissions.Action.WEBSITE_DELETE));
        return Reply.okTrue();
    }

    /** A copy owned as the original is (its team, or its user), with the body's name, description or parameters. */
    private Reply cloneBoard(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        Board b = changeable(req, Permissions.Action.WEBSITE_UPDATE);
        JsonNode body = req.jsonObject();
        LinkRoutes.mayCreate(permissions, teams, p, b.teamId());
        String name = body.has("name") ? Inputs.requiredString(body, "name", MAX_NAME) : b.name();
        String description = body.has("description") ? Inputs.optionalString(body, "description", MAX_DESCRIPTION) : b.description();
        String parameters = parameters(p, body, b.parameters());
        // The copy's entities are checked against the caller even when it keeps the original's parameters.
        if (!body.has("parameters")) checkEntities(p, Json.parse(parameters.getBytes(StandardCharsets.UTF_8)));
        UUID owner = b.userId() != null ? b.userId() : p.user().id();
        return Reply.ok(view(boards.create(b.type(), name, description, parameters, owner, b.teamId())));
    }

    private Board find(ApiRequest req) throws SQLException {
        UUID id = Inputs.uuid(req.pathParam("boardId"), "boardId");
        return boards.find(id).orElseThrow(ApiException::unauthorized);
    }

    private Board changeable(ApiRequest req, Permissions.Action action) throws SQLException {
        Principal p = req.principal();
        Board b = find(req);
        if (!permissions.canChangeOwned(p.user(), b.userId(), b.teamId(), action)) throw ApiException.unauthorized();
        return b;
    }

    private static String type(JsonNode body, boolean required) {
        String t = Inputs.optionalString(body, "type", 20);
        if (t == null) {
            if (required) throw ApiException.badRequest("'type' is required");
            return null;
        }
        if (t.equals("open")) return "mixed";
        if (!TYPES.contains(t)) throw ApiException.badRequest("'type' must be one of mixed, website, pixel, link, open");
        return t;
    }

    /** The body's {@code parameters} object as JSON text ({@code fallback} when absent), its entities checked. */
    private String parameters(Principal p, JsonNode body, String fallback) throws SQLException {
        JsonNode n = body.get("parameters");
        if (n == null || n.isNull()) return fallback;
        if (!n.isObject()) throw ApiException.badRequest("'parameters' must be an object");
        String text = new String(Json.write(n), StandardCharsets.UTF_8);
        if (text.length() > MAX_PARAMETERS) throw ApiException.badRequest("'parameters' is too large");
        checkEntities(p, n);
        return text;
    }

    /** Every website, link or pixel the parameters name (the board's own, and each component's) must be viewable. */
    private void checkEntities(Principal p, JsonNode parameters) throws SQLException {
        check(p, parameters.get("websiteId"), Share.WEBSITE, "websiteId");
        check(p, parameters.get("linkId"), Share.LINK, "linkId");
        check(p, parameters.get("pixelId"), Share.PIXEL, "pixelId");
        JsonNode rows = parameters.get("rows");
        if (rows == null || !rows.isArray()) return;
        for (JsonNode row : rows) {
            JsonNode columns = row.get("columns");
            if (columns == null || !columns.isArray()) continue;
            for (JsonNode column : columns) {
                JsonNode component = column.get("component");
                if (component == null || !component.isObject()) continue;
                check(p, component.get("websiteId"), Share.WEBSITE, "websiteId");
                JsonNode entityType = component.get("entityType");
                if (entityType != null && entityType.isTextual()) {
                    int type = switch (entityType.asText()) {
                        case "website" -> Share.WEBSITE;
                        case "link" -> Share.LINK;
                        case "pixel" -> Share.PIXEL;
                        default -> throw ApiException.badRequest("'entityType' must be website, link or pixel");
                    };
                    check(p, component.get("entityId"), type, "entityId");
                }
            }
        }
    }

    private void check(Principal p, JsonNode idNode, int type, String field) throws SQLException {
        if (idNode == null || idNode.isNull()) return;
        if (!idNode.isTextual()) throw ApiException.badRequest("'" + field + "' must be a UUID");
        UUID id = Inputs.uuid(idNode.asText(), field);
        Owned e = entities.find(type, id).orElse(null);
        // A user-only check: a board shared with others must not lend them what only a share token could read.
        if (e == null || !permissions.canViewOwned(new Principal(p.user(), null), e.id(), e.userId(), e.teamId())) {
            throw ApiException.badRequest("Board contains inaccessible entities: " + id);
        }
    }

    static Map<String, Object> view(Board b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", b.id());
        m.put("type", b.type());
        m.put("name", b.name());
        m.put("description", b.description());
        m.put("parameters", Json.parse(b.parameters().getBytes(StandardCharsets.UTF_8)));
        m.put("userId", b.userId());
        m.put("teamId", b.teamId());
        m.put("createdAt", b.createdAt());
        m.put("updatedAt", b.updatedAt());
        return m;
    }
}
