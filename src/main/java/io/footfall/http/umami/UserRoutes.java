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
import io.footfall.store.meta.User;
import io.footfall.manage.UserService;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * Account management under /api/users and /api/admin/users. Permission failures are 401, as in Umami:
 * admins manage every account, a user may read its own account, websites and teams and change its password.
 */
public final class UserRoutes {
    static final int MAX_USERNAME = 255;
    static final int MAX_PASSWORD = 255;
    private static final int MAX_SEARCH = 200;

    private final Authenticator auth;
    private final UserService users;
    private final WebsiteRoutes websites;
    private final TeamRoutes teams;

    public UserRoutes(Authenticator auth, UserService users, WebsiteRoutes websites, TeamRoutes teams) {
        this.teams = teams;
        this.auth = auth;
        this.users = users;
        this.websites = websites;
    }

    public void register(Router r) {
        r.post("/api/users", auth.guard(this::create));
        r.get("/api/admin/users", auth.guard(this::list));
        r.get("/api/users/{userId}", auth.guard(this::get));
        r.post("/api/users/{userId}", auth.guard(this::update));
        r.delete("/api/users/{userId}", auth.guard(this::delete));
        r.get("/api/users/{userId}/websites", auth.guard(this::websites));
        r.get("/api/users/{userId}/teams", auth.guard(this::teams));
    }

    private Reply create(ApiRequest req) throws SQLException {
        if (!Permissions.canManageUsers(caller(req))) throw ApiException.unauthorized();
        JsonNode body = req.jsonObject();
        String username = Inputs.requiredString(body, "username", MAX_USERNAME);
        String password = password(body);
        if (password == null) throw ApiException.badRequest("'password' is required");
        String role = role(body);
        if (role == null) throw ApiException.badRequest("'role' is required");
        UUID id = Inputs.optionalUuid(body, "id");
        try {
            return Reply.ok(Views.account(users.create(id, username, password, role)));
        } catch (AlreadyExistsException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private Reply list(ApiRequest req) throws SQLException {
        if (!Permissions.canManageUsers(caller(req))) throw ApiException.unauthorized();
        int page = Inputs.positiveInt(req, "page", 1, Integer.MAX_VALUE);
        int pageSize = Inputs.positiveInt(req, "pageSize", 20, 100_000);
        String search = req.query("search");
        if (search != null && search.length() > MAX_SEARCH) throw ApiException.badRequest("'search' is too long");
        Map<String, Object> out = Views.page(users.list(search, page, pageSize), Views::userListing);
        out.put("orderBy", "createdAt");
        return Reply.ok(out);
    }

    private Reply get(ApiRequest req) throws SQLException {
        UUID userId = visibleUserId(req);
        // An unknown id is 200 null, as for websites in real Umami.
        return Reply.ok(users.find(userId).map(Views::account).orElse(null));
    }

    private Reply update(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        UUID userId = Inputs.uuid(req.pathParam("userId"), "userId");
        if (!Permissions.canUpdateUser(p.user(), userId)) throw ApiException.unauthorized();
        JsonNode body = req.jsonObject();
        String username = body.hasNonNull("username") ? Inputs.requiredString(body, "username", MAX_USERNAME) : null;
        String password = password(body);
        String role = role(body);
        User target = users.find(userId).orElseThrow(() -> ApiException.notFound("User not found"));
        // As in Umami, a user's request about its own account changes only the password: username and role are
        // an admin's to change and are ignored otherwise (the answer shows them unchanged).
        boolean admin = Permissions.canManageUsers(p.user());
        try {
            return Reply.ok(Views.account(users.update(target, admin ? username : null, password, admin ? role : null)));
        } catch (AlreadyExistsException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private Reply delete(ApiRequest req) throws SQLException {
        Principal p = req.principal();
        if (!Permissions.canManageUsers(p.user())) throw ApiException.unauthorized();
        UUID userId = Inputs.uuid(req.pathParam("userId"), "userId");
        if (userId.equals(p.user().id())) throw ApiException.badRequest("You cannot delete yourself.");
        User target = users.find(userId).orElseThrow(() -> ApiException.notFound("User not found"));
        users.delete(target);
        return Reply.okTrue();
    }

    private Reply websites(ApiRequest req) throws SQLException {
        return websites.listOf(req, visibleUserId(req));
    }

    private Reply teams(ApiRequest req) throws SQLException {
        return teams.listOf(req, visibleUserId(req));
    }

    private static User caller(ApiRequest req) {
        Principal p = req.principal();
        return p.user();
    }

    /** The user id of the path, if the caller may see that account (401 otherwise). */
    private static UUID visibleUserId(ApiRequest req) {
        UUID userId = Inputs.uuid(req.pathParam("userId"), "userId");
        if (!Permissions.canViewUser(caller(req), userId)) throw ApiException.unauthorized();
        return userId;
    }

    /** An optional password of at least {@link UserService#MIN_PASSWORD_LENGTH} characters, or null. */
    private static String password(JsonNode body) {
        String password = Inputs.optionalString(body, "password", MAX_PASSWORD);
        if (password != null && password.length() < UserService.MIN_PASSWORD_LENGTH) {
            throw ApiException.badRequest("'password' must be at least " + UserService.MIN_PASSWORD_LENGTH + " characters");
        }
        return password;
    }

    /** An optional role, one of admin, user, view-only; or null. */
    private static String role(JsonNode body) {
        String role = Inputs.optionalString(body, "role", 20);
        if (role != null && !UserService.ROLES.contains(role)) {
            throw ApiException.badRequest("'role' must be one of admin, user, view-only");
        }
        return role;
    }
}
