package io.footfall.http.umami;

import io.footfall.auth.Permissions;
import io.footfall.auth.Principal;
import io.footfall.http.ApiException;
import io.footfall.http.ApiRequest;
import io.footfall.http.Authenticator;
import io.footfall.http.Reply;
import io.footfall.http.Router;

import java.sql.SQLException;

/** The admin's lists of every website and every team (/api/admin/users is in {@link UserRoutes}). */
public final class AdminRoutes {
    private final Authenticator auth;
    private final WebsiteRoutes websites;
    private final TeamRoutes teams;

    public AdminRoutes(Authenticator auth, WebsiteRoutes websites, TeamRoutes teams) {
        this.auth = auth;
        this.websites = websites;
        this.teams = teams;
    }

    public void register(Router r) {
        r.get("/api/admin/websites", auth.guard(this::websites));
        r.get("/api/admin/teams", auth.guard(this::teams));
    }

    private Reply websites(ApiRequest req) throws SQLException {
        requireAdmin(req);
        return websites.listAll(req);
    }

    private Reply teams(ApiRequest req) throws SQLException {
        requireAdmin(req);
        return teams.listOf(req, null);
    }

    private static void requireAdmin(ApiRequest req) {
        Principal p = req.principal();
        if (!Permissions.canViewAll(p.user())) throw ApiException.unauthorized();
    }
}
