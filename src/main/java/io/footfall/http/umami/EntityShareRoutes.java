package io.footfall.http.umami;

import io.footfall.auth.Permissions;
import io.footfall.auth.Principal;
import io.footfall.http.ApiException;
import io.footfall.http.ApiRequest;
import io.footfall.http.Authenticator;
import io.footfall.http.Inputs;
import io.footfall.http.Reply;
import io.footfall.http.Router;
import io.footfall.manage.Owned;
import io.footfall.store.meta.Share;
import io.footfall.manage.ShareService;

import java.sql.SQLException;
import java.util.UUID;

/**
 * Shares of links, pixels and boards: {@code GET/POST /api/links/:linkId/shares}, {@code /api/pixels/:pixelId/shares},
 * {@code /api/boards/:boardId/shares}. Listing needs the right to view the entity, creating the right to change
 * it; an entity the caller cannot see, or that does not exist, is 401 as for website shares.
 */
public final class EntityShareRoutes {
    private final Authenticator auth;
    private final Permissions permissions;
    private final ShareService shares;
    private final ShareableEntities entities;

    public EntityShareRoutes(Authenticator auth, ShareService shares, io.footfall.manage.WebsiteService websites,
                             io.footfall.manage.LinkPixelService linksAndPixels, io.footfall.manage.BoardService boards) {
        this.auth = auth;
        this.permissions = auth.permissions();
        this.shares = shares;
        this.entities = new ShareableEntities(websites, linksAndPixels, boards);
    }

    public void register(Router r) {
        routes(r, "/api/links/{linkId}/shares", "linkId", Share.LINK);
        routes(r, "/api/pixels/{pixelId}/shares", "pixelId", Share.PIXEL);
        routes(r, "/api/boards/{boardId}/shares", "boardId", Share.BOARD);
    }

    private void routes(Router r, String path, String param, int shareType) {
        r.get(path, auth.guard(req -> list(req, param, shareType)));
        r.post(path, auth.guard(req -> create(req, param, shareType)));
    }

    private Reply list(ApiRequest req, String param, int shareType) throws SQLException {
        Owned e = entity(req, param, shareType);
        if (!permissions.canViewOwned(req.principal(), e.id(), e.userId(), e.teamId())) throw ApiException.unauthorized();
        WebsiteRoutes.Paging p = new WebsiteRoutes.Paging(req);
        return Reply.ok(Views.page(shares.list(e.id(), p.page(), p.pageSize()), Views::share));
    }

    private Reply create(ApiRequest req, String param, int shareType) throws SQLException {
        Principal p = req.principal();
        Owned e = entity(req, param, shareType);
        if (!permissions.canChangeOwned(p.user(), e.userId(), e.teamId(), Permissions.Action.WEBSITE_UPDATE)) {
            throw ApiException.unauthorized();
        }
        return Reply.ok(Views.share(ShareRoutes.createEntityShare(shares, e.id(), shareType, req.jsonObject())));
    }

    private Owned entity(ApiRequest req, String param, int shareType) throws SQLException {
        UUID id = Inputs.uuid(req.pathParam(param), param);
        return entities.find(shareType, id).orElseThrow(ApiException::unauthorized);
    }
}
