package io.footfall.http.umami;

import io.footfall.manage.BoardService;
import io.footfall.manage.LinkPixelService;
import io.footfall.manage.Owned;
import io.footfall.store.meta.Share;
import io.footfall.manage.WebsiteService;

import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** The things a share can show (Umami's entity types: website, link, pixel, board), each with its owner. */
final class ShareableEntities {
    private final WebsiteService websites;
    private final LinkPixelService linksAndPixels;
    private final BoardService boards;

    ShareableEntities(WebsiteService websites, LinkPixelService linksAndPixels, BoardService boards) {
        this.websites = websites;
        this.linksAndPixels = linksAndPixels;
        this.boards = boards;
    }

    /** The entity of {@code shareType} with this id and its owner, if it exists. */
    Optional<Owned> find(int shareType, UUID id) throws SQLException {
        return switch (shareType) {
            case Share.WEBSITE -> websites.find(id).map(w -> new Owned(w.id(), w.userId(), w.teamId()));
            case Share.LINK -> linksAndPixels == null ? Optional.empty()
                    : linksAndPixels.findLink(id).map(l -> new Owned(l.id(), l.userId(), l.teamId()));
            case Share.PIXEL -> linksAndPixels == null ? Optional.empty()
                    : linksAndPixels.findPixel(id).map(p -> new Owned(p.id(), p.userId(), p.teamId()));
            case Share.BOARD -> boards == null ? Optional.empty()
                    : boards.find(id).map(b -> new Owned(b.id(), b.userId(), b.teamId()));
            default -> Optional.empty();
        };
    }

    static boolean known(int shareType) {
        return shareType >= Share.WEBSITE && shareType <= Share.BOARD;
    }
}
