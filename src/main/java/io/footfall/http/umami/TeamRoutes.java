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
import io.footfall.store.meta.Team;
import io.footfall.store.meta.TeamMember;
import io.footfall.manage.TeamService;
import io.footfall.store.meta.User;
import io.footfall.manage.UserService;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Teams and their members under /api/teams. As in Umami, a refusal is 401 whether or not the team exists;
 * only an admin, who may see every team, learns that an id is unknown (404).
 */
public final class TeamRoutes {
    static final int MAX_NAME = 50;
    static final int MAX_ACCESS_CODE = 50;

    private final Authenticator auth;
    private final Permissions permissions;
    private final TeamService teams;
    private final UserService users;
    private final WebsiteRoutes websites;

    public TeamRoutes(Authenticator auth, TeamService teams, UserService users, WebsiteRoutes websites) {
        this.auth = auth;
        this.permissions = auth.permissions();
        this.teams = teams;
        this.users = users;
        this.websites = websites;
    }

    public void register(Router r) {
        r.get("/api/teams", auth.guard(this::listOwn));
        r.post("/api/teams", auth.guard(this::create));
        r.post("/api/teams/join", auth.guard(this::join));
        r.get("/api/teams/{teamId}", auth.guard(this::get));
        r.post("/api/teams/{teamId}", auth.guard(this::update));
        r.delete("/api/teams/{teamId}", auth.guard(this::delete));
        r.get("/api/teams/{teamId}/users", auth.guard(this::members));
        r.post("/api/teams/{teamId}/users", auth.guard(this::addMember));
        r.get("/api/teams/{teamId}/users/{userId}", auth.guard(this::member));
        r.post("/api/teams/{teamId}/users/{userId}", auth.guard(this::changeRole));
        r.delete("/api/teams/{teamId}/users/{userId}", auth.guard(this::removeMember));
        r.get("/api/teams/{teamId}/websites", auth.guard(this::websites));
    }

    /** The caller's teams (GET /api/teams and /api/me/teams). */
    Reply listOwn(ApiRequest req) throws SQLException {
        return listOf(req, caller(req).id());
    }

    /** The teams of a user, or every team when {@code memberId} is null, each with its counts. */
    Reply listOf(ApiRequest req, UUID memberId) throws SQLException {
        WebsiteRoutes.Paging p = new WebsiteRoutes.Paging(req);
        return Reply.ok(Views.page(teams.list(memberId, p.search(), p.page(), p.pageSize()), this::listed));
    }

    /** A team in a list: with its owner and its numbers of websites and members, as Umami's lists include them. */
    private Map<String, Object> listed(Team t) {
        try {
            Map<String, Object> m = Views.team(t);
            var all = teams.members(t.id(), null, 1, 100_000);
            List<Object> owners = all.data().stream().filter(tm -> TeamMember.OWNER.equals(tm.role()))
                    .map(tm -> (Object) Views.memberWithUser(tm)).toList();
            m.put("teamUser", owners);
            Map<String, Object> count = new LinkedHashMap<>();
            count.put("websites", teams.websiteCount(t.id()));
            count.put("members", all.count());
            m.put("_count", count);
            return m;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Reply create(ApiRequest req) throws SQLException {
        User user = caller(req);
        JsonNode body = req.jsonObject();
        String name = Inputs.requiredString(body, "name", MAX_NAME);
        UUID ownerId = Inputs.optionalUuid(body, "ownerId");
        if (!Permissions.canCreateTeam(user)) throw ApiException.unauthorized();
        User owner = user;
        if (ownerId != null && !ownerId.equals(user.id())) {
            // Only an admin creates a team on another user's behalf.
            if (!Permissions.canManageUsers(user)) throw ApiException.unauthorized();
            owner = users.find(ownerId).orElseThrow(() -> ApiException.badRequest("User not found: " + ownerId));
        }
        TeamService.Created created = teams.create(name, owner);
        return Reply.ok(List.of(Views.team(created.team()), Views.member(created.owner())));
    }

    private Reply join(ApiRequest req) throws SQLException {
        User user = caller(req);
        String code = Inputs.requiredString(req.jsonObject(), "accessCode", MAX_ACCESS_CODE);
        Team team = teams.findByAccessCode(code).orElseThrow(() -> ApiException.notFound("Team not found"));
        try {
            return Reply.ok(Views.member(teams.addMember(team.id(), user, TeamMember.MEMBER)));
        } catch (AlreadyExistsException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private Reply get(ApiRequest req) throws SQLException {
        UUID teamId = teamId(req);
        if (!permissions.canViewTeam(caller(req), teamId)) throw ApiException.unauthorized();
        return Reply.ok(Views.team(existing(teamId)));
    }

    private Reply update(ApiRequest req) throws SQLException {
        UUID teamId = teamId(req);
        if (!permissions.canUpdateTeam(caller(req), teamId)) throw ApiException.unauthorized();
        JsonNode body = req.jsonObject();
        Team team = existing(teamId);
        String name = body.has("name") ? Inputs.requiredString(body, "name", MAX_NAME) : team.name();
        String code = body.has("accessCode") ? Inputs.requiredString(body, "accessCode", MAX_ACCESS_CODE) : team.accessCode();
        try {
            return Reply.ok(Views.team(teams.update(team, name, code)));
        } catch (AlreadyExistsException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private Reply delete(ApiRequest req) throws SQLException {
        UUID teamId = teamId(req);
        if (!permissions.canDeleteTeam(caller(req), teamId)) throw ApiException.unauthorized();
        teams.delete(existing(teamId));
        return Reply.okTrue();
    }

    private Reply members(ApiRequest req) throws SQLException {
        UUID teamId = teamId(req);
        if (!permissions.canViewTeam(caller(req), teamId)) throw ApiException.unauthorized();
        existing(teamId);
        WebsiteRoutes.Paging p = new WebsiteRoutes.Paging(req);
        return Reply.ok(Views.page(teams.members(teamId, p.search(), p.page(), p.pageSize()), Views::memberWithUser));
    }

    private Reply addMember(ApiRequest req) throws SQLException {
        UUID teamId = teamId(req);
        if (!permissions.canUpdateTeam(caller(req), teamId)) throw ApiException.unauthorized();
        JsonNode body = req.jsonObject();
        UUID userId = Inputs.optionalUuid(body, "userId");
        if (userId == null) throw ApiException.badRequest("'userId' is required");
        String role = assignableRole(body);
        existing(teamId);
        User user = users.find(userId).orElseThrow(() -> ApiException.badRequest("User not found: " + userId));
        try {
            return Reply.ok(Views.member(teams.addMember(teamId, user, role)));
        } catch (AlreadyExistsException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private Reply member(ApiRequest req) throws SQLException {
        UUID teamId = teamId(req);
        UUID userId = Inputs.uuid(req.pathParam("userId"), "userId");
        if (!permissions.canUpdateTeam(caller(req), teamId)) throw ApiException.unauthorized();
        existing(teamId);
        return Reply.ok(Views.member(teams.member(teamId, userId)
                .orElseThrow(() -> ApiException.notFound("User is not a member of the team"))));
    }

    private Reply changeRole(ApiRequest req) throws SQLException {
        UUID teamId = teamId(req);
        UUID userId = Inputs.uuid(req.pathParam("userId"), "userId");
        if (!permissions.canUpdateTeam(caller(req), teamId)) throw ApiException.unauthorized();
        String role = assignableRole(req.jsonObject());
        existing(teamId);
        TeamMember m = teams.member(teamId, userId).orElseThrow(() -> ApiException.badRequest("User is not a member of the team"));
        // The owner role is the team's anchor (only it may delete the team): it is neither given nor taken here.
        if (TeamMember.OWNER.equals(m.role())) throw ApiException.badRequest("The team owner's role cannot be changed");
        return Reply.ok(Views.member(teams.changeRole(m, role)));
    }

    private Reply removeMember(ApiRequest req) throws SQLException {
        UUID teamId = teamId(req);
        UUID userId = Inputs.uuid(req.pathParam("userId"), "userId");
        if (!permissions.canRemoveTeamMember(caller(req), teamId, userId)) throw ApiException.unauthorized();
        existing(teamId);
        TeamMember m = teams.member(teamId, userId).orElseThrow(() -> ApiException.badRequest("User is not a member of the team"));
        if (TeamMember.OWNER.equals(m.role())) throw ApiException.badRequest("The team owner cannot be removed");
        teams.removeMember(teamId, userId);
        return Reply.okTrue();
    }

    private Reply websites(ApiRequest req) throws SQLException {
        UUID teamId = teamId(req);
        if (!permissions.canViewTeam(caller(req), teamId)) throw ApiException.unauthorized();
        existing(teamId);
        return websites.listOfTeam(req, teamId);
    }

    /** The team, which the caller may see; unknown only to an admin (everyone else was refused before). */
    private Team existing(UUID teamId) throws SQLException {
        return teams.find(teamId).orElseThrow(() -> ApiException.notFound("Team not found"));
    }

    private static String assignableRole(JsonNode body) {
        String role = Inputs.requiredString(body, "role", 20);
        if (!TeamMember.ASSIGNABLE.contains(role)) {
            throw ApiException.badRequest("'role' must be one of team-manager, team-member, team-view-only");
        }
        return role;
    }

    private static UUID teamId(ApiRequest req) {
        return Inputs.uuid(req.pathParam("teamId"), "teamId");
    }

    private static User caller(ApiRequest req) {
        Principal p = req.principal();
        return p.user();
    }
}
