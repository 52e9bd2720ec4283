package io.footfall.http.umami;

import io.footfall.auth.Permissions;
import io.footfall.auth.Principal;
import io.footfall.http.ApiException;
import io.footfall.http.ApiRequest;
import io.footfall.http.Inputs;
import io.footfall.store.meta.Website;
import io.footfall.manage.WebsiteService;

import java.sql.SQLException;
import java.util.UUID;

/**
 * The website of a path, for the routes that change it or what hangs off it (its settings, its segments): one
 * answer for all of them, 401 when {@link Permissions} refuses and for an unknown id, except that an admin
 * is told 404.
 */
final class ChangeableWebsites {
    private final Permissions permissions;
    private final WebsiteService websites;

    ChangeableWebsites(Permissions permissions, WebsiteService websites) {
        this.permissions = permissions;
        this.websites = websites;
    }

    /**
     * The website of the path parameter {@code websiteId}, if the caller may do {@code action} to it.
     *
     * @throws ApiException 401 when refused or unknown to a non-admin, 404 when unknown to an admin, 400 for a malformed id
     */
    Website of(ApiRequest req, Permissions.Action action) throws SQLException {
        Principal p = req.principal();
        UUID id = Inputs.uuid(req.pathParam("websiteId"), "websiteId");
        Website w = websites.find(id).orElse(null);
        if (w == null) {
            if (p.user().isAdmin()) throw ApiException.notFound("Website not found");
            throw ApiException.unauthorized();
        }
        if (!permissions.canChangeWebsite(p.user(), w, action)) throw ApiException.unauthorized();
        return w;
    }
}
