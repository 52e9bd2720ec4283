package io.footfall.store.jdbc;

import io.footfall.store.meta.Link;
import io.footfall.store.meta.PageOf;
import io.footfall.store.meta.Pixel;
import io.footfall.store.meta.SavedReport;
import io.footfall.store.meta.Share;
import io.footfall.store.meta.Team;
import io.footfall.store.meta.TeamMember;
import io.footfall.store.meta.Segment;
import io.footfall.store.meta.User;
import io.footfall.store.meta.UserListing;
import io.footfall.store.meta.Website;
import io.footfall.store.meta.WebsiteQuery;
import io.footfall.store.Connections;
import io.footfall.store.MetaStore;
import io.footfall.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Metadata in plain, portable SQL; works on any backend whose {@link Connections} it is given. */
public final class JdbcMetaStore implements MetaStore {
    private static final String WEBSITE_COLUMNS =
            "website_id, name, domain, share_id, reset_at, user_id, team_id, created_by, created_at, updated_at, deleted_at";

    private static final String SEGMENT_COLUMNS =
            "segment_id, website_id, type, name, parameters, created_at, updated_at";

    private final Connections db;

    public JdbcMetaStore(Connections db) {
        this.db = db;
    }

    @Override
    public long countUsers() throws SQLException {
        return db.read(c -> queryLong(c, "SELECT count(*) FROM users WHERE deleted_at IS NULL"));
    }

    @Override
    public void insertUser(User u) throws SQLException {
        update("INSERT INTO users (user_id, username, password, role, created_at) VALUES (?, ?, ?, ?, ?)",
                u.id(), u.username(), u.passwordHash(), u.role(), u.createdAt());
    }

    @Override
    public Optional<User> findUserByUsername(String username) throws SQLException {
        return one("SELECT * FROM users WHERE username = ? AND deleted_at IS NULL", JdbcMetaStore::user, username);
    }

    @Override
    public Optional<User> findUserById(UUID id) throws SQLException {
        return one("SELECT * FROM users WHERE user_id = ? AND deleted_at IS NULL", JdbcMetaStore::user, id);
    }

    @Override
    public void updatePassword(UUID userId, String passwordHash) throws SQLException {
        update("UPDATE users SET password = ?, updated_at = ? WHERE user_id = ?", passwordHash, Instant.now(), userId);
    }

    @Override
    public boolean usernameTaken(String username) throws SQLException {
        return db.read(c -> queryLong(c, "SELECT count(*) FROM users WHERE username = ?", username)) > 0;
    }

    @Override
    public boolean userIdTaken(UUID id) throws SQLException {
        return db.read(c -> queryLong(c, "SELECT count(*) FROM users WHERE user_id = ?", id)) > 0;
    }

    @Override
    public PageOf<UserListing> listUsers(String search, int page, int pageSize) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE u.deleted_at IS NULL");
        List<Object> args = new ArrayList<>();
        if (search != null && !search.isBlank()) {
            where.append(" AND lower(u.username) LIKE ? ESCAPE '\\'");
            args.add("%" + escapeLike(search.toLowerCase()) + "%");
        }
        return db.read(c -> {
            long count = queryLong(c, "SELECT count(*) FROM users u" + where, args.toArray());
            List<Object> pageArgs = new ArrayList<>(args);
            pageArgs.add(pageSize);
            pageArgs.add((long) (page - 1) * pageSize);
            List<UserListing> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT u.*, (SELECT count(*) FROM website w "
                    + "WHERE w.user_id = u.user_id AND w.deleted_at IS NULL) AS website_count FROM users u" + where
                    + " ORDER BY u.created_at DESC, u.user_id LIMIT ? OFFSET ?")) {
                Sql.bind(ps, pageArgs.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new UserListing(user(rs), rs.getString("display_name"), rs.getString("logo_url"),
                                Sql.instant(rs, "updated_at"), rs.getLong("website_count")));
                    }
                }
            }
            return new PageOf<>(rows, count, page, pageSize);
        });
    }

    @Override
    public void updateUser(User u, Instant at) throws SQLException {
        update("UPDATE users SET username = ?, password = ?, role = ?, updated_at = ? WHERE user_id = ?",
                u.username(), u.passwordHash(), u.role(), at, u.id());
    }

    @Override
    public void markUserDeleted(UUID id, Instant at) throws SQLException {
        db.write(c -> {
            // The share links of the user's own boards, links and pixels go with them.
            for (String delete : new String[]{
                    "DELETE FROM share WHERE entity_id IN (SELECT board_id FROM board WHERE user_id = ?)",
                    "DELETE FROM share WHERE entity_id IN (SELECT link_id FROM link WHERE user_id = ?)",
                    "DELETE FROM share WHERE entity_id IN (SELECT pixel_id FROM pixel WHERE user_id = ?)"}) {
                try (PreparedStatement ps = c.prepareStatement(delete)) {
                    Sql.bind(ps, id);
                    ps.executeUpdate();
                }
            }
            for (String table : new String[]{"link", "pixel"}) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + table
                        + " SET deleted_at = ?, updated_at = ? WHERE user_id = ? AND deleted_at IS NULL")) {
                    Sql.bind(ps, at, at, id);
                    ps.executeUpdate();
                }
            }
            // What only this user had: memberships, keys, second factor, preferences, personal boards.
            for (String sql : new String[]{"DELETE FROM team_user WHERE user_id = ?", "DELETE FROM api_key WHERE user_id = ?",
                    "DELETE FROM two_factor WHERE user_id = ?", "DELETE FROM two_factor_backup_code WHERE user_id = ?",
                    "DELETE FROM user_preference WHERE user_id = ?", "DELETE FROM board WHERE user_id = ? AND team_id IS NULL"}) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    Sql.bind(ps, id);
                    ps.executeUpdate();
                }
            }
            // The username column is unique over all rows, deleted ones included: free the name for reuse.
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE users SET username = ?, deleted_at = ?, updated_at = ? WHERE user_id = ?")) {
                Sql.bind(ps, "deleted:" + id, at, at, id);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void insertWebsite(Website w) throws SQLException {
        update("INSERT INTO website (" + WEBSITE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                w.id(), w.name(), w.domain(), w.shareId(), w.resetAt(), w.userId(), w.teamId(), w.createdBy(),
                w.createdAt(), w.updatedAt(), w.deletedAt());
    }

    @Override
    public Optional<Website> findWebsite(UUID id) throws SQLException {
        return one("SELECT " + WEBSITE_COLUMNS + " FROM website WHERE website_id = ? AND deleted_at IS NULL",
                JdbcMetaStore::website, id);
    }

    @Override
    public boolean websiteIdTaken(UUID id) throws SQLException {
        return db.read(c -> queryLong(c, "SELECT count(*) FROM website WHERE website_id = ?", id)) > 0;
    }

    @Override
    public Optional<Website> findWebsiteByShareId(String shareId) throws SQLException {
        return one("SELECT " + WEBSITE_COLUMNS + " FROM website WHERE share_id = ? AND deleted_at IS NULL",
                JdbcMetaStore::website, shareId);
    }

    @Override
    public PageOf<Website> listWebsites(WebsiteQuery q) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE deleted_at IS NULL");
        List<Object> args = new ArrayList<>();
        if (q.ownerId() != null && q.teamsOfUser() != null) {
            where.append(" AND (user_id = ? OR team_id IN (SELECT tu.team_id FROM team_user tu JOIN team t ON t.team_id = tu.team_id"
                    + " WHERE tu.user_id = ? AND t.deleted_at IS NULL))");
            args.add(q.ownerId());
            args.add(q.teamsOfUser());
        } else if (q.ownerId() != null) {
            where.append(" AND user_id = ?");
            args.add(q.ownerId());
        }
        if (q.teamId() != null) {
            where.append(" AND team_id = ?");
            args.add(q.teamId());
        }
        if (q.search() != null && !q.search().isBlank()) {
            where.append(" AND (lower(name) LIKE ? ESCAPE '\\' OR lower(domain) LIKE ? ESCAPE '\\')");
            String like = "%" + escapeLike(q.search().toLowerCase()) + "%";
            args.add(like);
            args.add(like);
        }
        return page("SELECT count(*) FROM website" + where,
                "SELECT " + WEBSITE_COLUMNS + " FROM website" + where + " ORDER BY created_at DESC, website_id",
                args, q.page(), q.pageSize(), JdbcMetaStore::website);
    }

    @Override
    public long countTeamWebsites(UUID teamId) throws SQLException {
        return db.read(c -> queryLong(c, "SELECT count(*) FROM website WHERE team_id = ? AND deleted_at IS NULL", teamId));
    }

    @Override
    public void updateWebsite(Website w) throws SQLException {
        update("UPDATE website SET name = ?, domain = ?, share_id = ?, reset_at = ?, user_id = ?, team_id = ?, "
                        + "updated_at = ? WHERE website_id = ?",
                w.name(), w.domain(), w.shareId(), w.resetAt(), w.userId(), w.teamId(), w.updatedAt(), w.id());
    }

    @Override
    public void markWebsiteDeleted(UUID id, Instant at) throws SQLException {
        // The share id is released so it can be reused by another website, and no share shows a deleted website.
        // Its segments, cohorts and saved reports go with it, as in Umami (nothing could read or change them).
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE website SET deleted_at = ?, updated_at = ?, share_id = NULL WHERE website_id = ?")) {
                Sql.bind(ps, at, at, id);
                ps.executeUpdate();
            }
            for (String delete : new String[]{"DELETE FROM share WHERE entity_id = ?", "DELETE FROM segment WHERE website_id = ?",
                    "DELETE FROM report WHERE website_id = ?"}) {
                try (PreparedStatement ps = c.prepareStatement(delete)) {
                    Sql.bind(ps, id);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public void insertSegment(Segment s) throws SQLException {
        update("INSERT INTO segment (" + SEGMENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                s.id(), s.websiteId(), s.type(), s.name(), s.parameters(), s.createdAt(), s.updatedAt());
    }

    @Override
    public Optional<Segment> findSegment(UUID websiteId, UUID id) throws SQLException {
        return one("SELECT " + SEGMENT_COLUMNS + " FROM segment WHERE segment_id = ? AND website_id = ?",
                JdbcMetaStore::segment, id, websiteId);
    }

    @Override
    public PageOf<Segment> listSegments(UUID websiteId, String type, String search, int page, int pageSize) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE website_id = ? AND type = ?");
        List<Object> args = new ArrayList<>(List.of(websiteId, type));
        if (search != null && !search.isBlank()) {
            where.append(" AND lower(name) LIKE ? ESCAPE '\\'");
            args.add("%" + escapeLike(search.toLowerCase()) + "%");
        }
        return db.read(c -> {
            long count = queryLong(c, "SELECT count(*) FROM segment" + where, args.toArray());
            List<Object> pageArgs = new ArrayList<>(args);
            pageArgs.add(pageSize);
            pageArgs.add((long) (page - 1) * pageSize);
            List<Segment> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SEGMENT_COLUMNS + " FROM segment" + where
                    + " ORDER BY created_at, segment_id LIMIT ? OFFSET ?")) {
                Sql.bind(ps, pageArgs.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) rows.add(segment(rs));
                }
            }
            return new PageOf<>(rows, count, page, pageSize);
        });
    }

    @Override
    public void updateSegment(Segment s) throws SQLException {
        update("UPDATE segment SET type = ?, name = ?, parameters = ?, updated_at = ? WHERE segment_id = ?",
                s.type(), s.name(), s.parameters(), s.updatedAt(), s.id());
    }

    @Override
    public void deleteSegment(UUID id) throws SQLException {
        update("DELETE FROM segment WHERE segment_id = ?", id);
    }

    @Override
    public void insertLink(Link l) throws SQLException {
        update("INSERT INTO link (link_id, name, url, slug, user_id, team_id, created_by, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                l.id(), l.name(), l.url(), l.slug(), l.userId(), l.teamId(), l.userId(), l.createdAt(), l.updatedAt());
    }

    @Override
    public Optional<Link> findLinkBySlug(String slug) throws SQLException {
        return one("SELECT * FROM link WHERE slug = ? AND deleted_at IS NULL", JdbcMetaStore::link, slug);
    }

    @Override
    public Optional<Link> findLink(UUID id) throws SQLException {
        return one("SELECT * FROM link WHERE link_id = ? AND deleted_at IS NULL", JdbcMetaStore::link, id);
    }

    @Override
    public void insertPixel(Pixel p) throws SQLException {
        update("INSERT INTO pixel (pixel_id, name, slug, user_id, team_id, created_by, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                p.id(), p.name(), p.slug(), p.userId(), p.teamId(), p.userId(), p.createdAt(), p.updatedAt());
    }

    @Override
    public Optional<Pixel> findPixelBySlug(String slug) throws SQLException {
        return one("SELECT * FROM pixel WHERE slug = ? AND deleted_at IS NULL", JdbcMetaStore::pixel, slug);
    }

    @Override
    public Optional<Pixel> findPixel(UUID id) throws SQLException {
        return one("SELECT * FROM pixel WHERE pixel_id = ? AND deleted_at IS NULL", JdbcMetaStore::pixel, id);
    }

    @Override
    public void insertReport(SavedReport r) throws SQLException {
        update("INSERT INTO report (report_id, user_id, website_id, type, name, description, parameters, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), r.userId(), r.websiteId(), r.type(), r.name(), r.description(), r.parameters(), r.createdAt(), r.updatedAt());
    }

    @Override
    public Optional<SavedReport> findReport(UUID id) throws SQLException {
        return one("SELECT * FROM report WHERE report_id = ?", JdbcMetaStore::report, id);
    }

    @Override
    public void updateReport(SavedReport r) throws SQLException {
        update("UPDATE report SET website_id = ?, type = ?, name = ?, description = ?, parameters = ?, updated_at = ? WHERE report_id = ?",
                r.websiteId(), r.type(), r.name(), r.description(), r.parameters(), r.updatedAt(), r.id());
    }

    @Override
    public void deleteReport(UUID id) throws SQLException {
        update("DELETE FROM report WHERE report_id = ?", id);
    }

    @Override
    public PageOf<SavedReport> listReports(UUID userId, UUID websiteId, String type, int page, int pageSize) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (userId != null) {
            where.append(" AND user_id = ?");
            args.add(userId);
        }
        if (websiteId != null) {
            where.append(" AND website_id = ?");
            args.add(websiteId);
        }
        if (type != null) {
            where.append(" AND type = ?");
            args.add(type);
        }
        return db.read(c -> {
            long count = queryLong(c, "SELECT count(*) FROM report" + where, args.toArray());
            List<Object> pageArgs = new ArrayList<>(args);
            pageArgs.add(pageSize);
            pageArgs.add((long) (page - 1) * pageSize);
            List<SavedReport> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM report" + where
                    + " ORDER BY created_at DESC, report_id LIMIT ? OFFSET ?")) {
                Sql.bind(ps, pageArgs.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) rows.add(report(rs));
                }
            }
            return new PageOf<>(rows, count, page, pageSize);
        });
    }

    @Override
    public PageOf<Link> listLinks(UUID userId, UUID teamId, String search, int page, int pageSize) throws SQLException {
        return listOwned("link", "link_id", List.of("name", "slug", "url"), userId, teamId, search, page, pageSize,
                JdbcMetaStore::link);
    }

    @Override
    public void updateLink(Link l) throws SQLException {
        update("UPDATE link SET name = ?, url = ?, slug = ?, updated_at = ? WHERE link_id = ?",
                l.name(), l.url(), l.slug(), l.updatedAt(), l.id());
    }

    @Override
    public void markLinkDeleted(UUID id, Instant at) throws SQLException {
        // Its share links go with it (a share of something deleted opens nothing), as a website's do.
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM share WHERE entity_id = ?")) {
                Sql.bind(ps, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE link SET deleted_at = ?, updated_at = ?, slug = ? WHERE link_id = ?")) {
                Sql.bind(ps, at, at, "deleted:" + id, id);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean linkTaken(String slug, UUID id) throws SQLException {
        return db.read(c -> queryLong(c, "SELECT count(*) FROM link WHERE slug = ? OR link_id = ?", slug, id)) > 0;
    }

    @Override
    public PageOf<Pixel> listPixels(UUID userId, UUID teamId, String search, int page, int pageSize) throws SQLException {
        return listOwned("pixel", "pixel_id", List.of("name", "slug"), userId, teamId, search, page, pageSize,
                JdbcMetaStore::pixel);
    }

    @Override
    public void updatePixel(Pixel p) throws SQLException {
        update("UPDATE pixel SET name = ?, slug = ?, updated_at = ? WHERE pixel_id = ?", p.name(), p.slug(), p.updatedAt(), p.id());
    }

    @Override
    public void markPixelDeleted(UUID id, Instant at) throws SQLException {
        // Its share links go with it (a share of something deleted opens nothing), as a website's do.
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM share WHERE entity_id = ?")) {
                Sql.bind(ps, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE pixel SET deleted_at = ?, updated_at = ?, slug = ? WHERE pixel_id = ?")) {
                Sql.bind(ps, at, at, "deleted:" + id, id);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean pixelTaken(String slug, UUID id) throws SQLException {
        return db.read(c -> queryLong(c, "SELECT count(*) FROM pixel WHERE slug = ? OR pixel_id = ?", slug, id)) > 0;
    }

    /** Rows of a table whose rows belong to a user or a team (links, pixels), newest first. */
    private <T> PageOf<T> listOwned(String table, String idColumn, List<String> searched, UUID userId, UUID teamId,
                                    String search, int page, int pageSize, RowMapper<T> mapper) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE deleted_at IS NULL");
        List<Object> args = new ArrayList<>();
        if (userId != null) {
            where.append(" AND user_id = ?");
            args.add(userId);
        }
        if (teamId != null) {
            where.append(" AND team_id = ?");
            args.add(teamId);
        }
        if (search != null && !search.isBlank()) {
            String like = "%" + escapeLike(search.toLowerCase()) + "%";
            where.append(" AND (").append(String.join(" OR ", searched.stream()
                    .map(col -> "lower(" + col + ") LIKE ? ESCAPE '\\'").toList())).append(")");
            for (int i = 0; i < searched.size(); i++) args.add(like);
        }
        return page("SELECT count(*) FROM " + table + where, "SELECT * FROM " + table + where
                + " ORDER BY created_at DESC, " + idColumn, args, page, pageSize, mapper);
    }

    @Override
    public String saltSecret(String period, String candidate) throws SQLException {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT secret FROM salt WHERE period = ?")) {
                ps.setString(1, period);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) return rs.getString(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO salt (period, secret, created_at) VALUES (?, ?, ?)")) {
                Sql.bind(ps, period, candidate, Instant.now());
                ps.executeUpdate();
            }
            return candidate;
        });
    }

    @Override
    public void insertTeam(Team t, TeamMember owner) throws SQLException {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO team (" + TEAM_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                Sql.bind(ps, t.id(), t.name(), t.accessCode(), t.logoUrl(), t.createdAt(), t.updatedAt(), t.deletedAt());
                ps.executeUpdate();
            }
            insertMember(c, owner);
            return 1;
        });
    }

    @Override
    public Optional<Team> findTeam(UUID id) throws SQLException {
        return one("SELECT " + TEAM_COLUMNS + " FROM team WHERE team_id = ? AND deleted_at IS NULL", JdbcMetaStore::team, id);
    }

    @Override
    public Optional<Team> findTeamByAccessCode(String accessCode) throws SQLException {
        return one("SELECT " + TEAM_COLUMNS + " FROM team WHERE access_code = ? AND deleted_at IS NULL", JdbcMetaStore::team,
                accessCode);
    }

    @Override
    public void updateTeam(Team t) throws SQLException {
        update("UPDATE team SET name = ?, access_code = ?, logo_url = ?, updated_at = ? WHERE team_id = ?",
                t.name(), t.accessCode(), t.logoUrl(), t.updatedAt(), t.id());
    }

    @Override
    public void markTeamDeleted(UUID id, Instant at) throws SQLException {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM team_user WHERE team_id = ?")) {
                Sql.bind(ps, id);
                ps.executeUpdate();
            }
            // The team's boards, and the share links of its boards, links and pixels, go with it: nobody could
            // reach them any more (its websites are deleted with their shares before this).
            for (String delete : new String[]{
                    "DELETE FROM share WHERE entity_id IN (SELECT board_id FROM board WHERE team_id = ?)",
                    "DELETE FROM share WHERE entity_id IN (SELECT link_id FROM link WHERE team_id = ?)",
                    "DELETE FROM share WHERE entity_id IN (SELECT pixel_id FROM pixel WHERE team_id = ?)",
                    "DELETE FROM board WHERE team_id = ?"}) {
                try (PreparedStatement ps = c.prepareStatement(delete)) {
                    Sql.bind(ps, id);
                    ps.executeUpdate();
                }
            }
            for (String table : new String[]{"link", "pixel"}) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET deleted_at = ?, updated_at = ?, "
                        + "slug = 'deleted:' || CAST(" + table + "_id AS VARCHAR) WHERE team_id = ? AND deleted_at IS NULL")) {
                    Sql.bind(ps, at, at, id);
                    ps.executeUpdate();
                }
            }
            // The access code is released with the team, so nobody joins a deleted team and the code can be reused.
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE team SET deleted_at = ?, updated_at = ?, access_code = NULL WHERE team_id = ?")) {
                Sql.bind(ps, at, at, id);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public PageOf<Team> listTeams(UUID memberId, String search, int page, int pageSize) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE deleted_at IS NULL");
        List<Object> args = new ArrayList<>();
        if (memberId != null) {
            where.append(" AND team_id IN (SELECT team_id FROM team_user WHERE user_id = ?)");
            args.add(memberId);
        }
        if (search != null && !search.isBlank()) {
            where.append(" AND lower(name) LIKE ? ESCAPE '\\'");
            args.add("%" + escapeLike(search.toLowerCase()) + "%");
        }
        return page("SELECT count(*) FROM team" + where,
                "SELECT " + TEAM_COLUMNS + " FROM team" + where + " ORDER BY created_at DESC, team_id",
                args, page, pageSize, JdbcMetaStore::team);
    }

    @Override
    public Optional<TeamMember> findTeamMember(UUID teamId, UUID userId) throws SQLException {
        return one(MEMBER_SELECT + " WHERE tu.team_id = ? AND tu.user_id = ? AND u.deleted_at IS NULL",
                JdbcMetaStore::member, teamId, userId);
    }

    @Override
    public void insertTeamMember(TeamMember m) throws SQLException {
        db.write(c -> insertMember(c, m));
    }

    @Override
    public void updateTeamMember(TeamMember m) throws SQLException {
        update("UPDATE team_user SET role = ?, updated_at = ? WHERE team_user_id = ?", m.role(), m.updatedAt(), m.id());
    }

    @Override
    public void deleteTeamMember(UUID teamId, UUID userId) throws SQLException {
        update("DELETE FROM team_user WHERE team_id = ? AND user_id = ?", teamId, userId);
    }

    @Override
    public PageOf<TeamMember> listTeamMembers(UUID teamId, String search, int page, int pageSize) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE tu.team_id = ? AND u.deleted_at IS NULL");
        List<Object> args = new ArrayList<>(List.of(teamId));
        if (search != null && !search.isBlank()) {
            where.append(" AND lower(u.username) LIKE ? ESCAPE '\\'");
            args.add("%" + escapeLike(search.toLowerCase()) + "%");
        }
        return page("SELECT count(*) FROM team_user tu JOIN users u ON u.user_id = tu.user_id" + where,
                MEMBER_SELECT + where + " ORDER BY tu.created_at, tu.team_user_id", args, page, pageSize, JdbcMetaStore::member);
    }

    @Override
    public void insertShare(Share s) throws SQLException {
        update("INSERT INTO share (" + SHARE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", s.id(), s.entityId(),
                s.shareType(), s.name(), s.slug(), s.parameters(), s.createdAt(), s.updatedAt());
    }

    @Override
    public Optional<Share> findShare(UUID id) throws SQLException {
        return one("SELECT " + SHARE_COLUMNS + " FROM share WHERE share_id = ?", JdbcMetaStore::share, id);
    }

    @Override
    public Optional<Share> findShareBySlug(String slug) throws SQLException {
        return one("SELECT " + SHARE_COLUMNS + " FROM share WHERE slug = ?", JdbcMetaStore::share, slug);
    }

    @Override
    public void updateShare(Share s) throws SQLException {
        update("UPDATE share SET name = ?, slug = ?, parameters = ?, updated_at = ? WHERE share_id = ?",
                s.name(), s.slug(), s.parameters(), s.updatedAt(), s.id());
    }

    @Override
    public void deleteShare(UUID id) throws SQLException {
        update("DELETE FROM share WHERE share_id = ?", id);
    }

    @Override
    public PageOf<Share> listShares(UUID entityId, int page, int pageSize) throws SQLException {
        return page("SELECT count(*) FROM share WHERE entity_id = ?",
                "SELECT " + SHARE_COLUMNS + " FROM share WHERE entity_id = ? ORDER BY created_at DESC, share_id",
                List.of(entityId), page, pageSize, JdbcMetaStore::share);
    }

    private static final String TEAM_COLUMNS = "team_id, name, access_code, logo_url, created_at, updated_at, deleted_at";
    private static final String SHARE_COLUMNS = "share_id, entity_id, share_type, name, slug, parameters, created_at, updated_at";
    private static final String MEMBER_SELECT = "SELECT tu.team_user_id, tu.team_id, tu.user_id, tu.role, tu.created_at, "
            + "tu.updated_at, u.username FROM team_user tu JOIN users u ON u.user_id = tu.user_id";

    private static int insertMember(Connection c, TeamMember m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO team_user (team_user_id, team_id, user_id, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            Sql.bind(ps, m.id(), m.teamId(), m.userId(), m.role(), m.createdAt(), m.updatedAt());
            return ps.executeUpdate();
        }
    }

    /** One page of rows: {@code countSql} and {@code rowsSql} take the same arguments; the page bounds are appended. */
    private <T> PageOf<T> page(String countSql, String rowsSql, List<Object> args, int page, int pageSize, RowMapper<T> mapper)
            throws SQLException {
        return db.read(c -> {
            long count = queryLong(c, countSql, args.toArray());
            List<Object> pageArgs = new ArrayList<>(args);
            pageArgs.add(pageSize);
            pageArgs.add((long) (page - 1) * pageSize);
            List<T> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(rowsSql + " LIMIT ? OFFSET ?")) {
                Sql.bind(ps, pageArgs.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) rows.add(mapper.map(rs));
                }
            }
            return new PageOf<>(rows, count, page, pageSize);
        });
    }

    private static Team team(ResultSet rs) throws SQLException {
        return new Team(Sql.uuid(rs, "team_id"), rs.getString("name"), rs.getString("access_code"), rs.getString("logo_url"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), Sql.instant(rs, "deleted_at"));
    }

    private static TeamMember member(ResultSet rs) throws SQLException {
        return new TeamMember(Sql.uuid(rs, "team_user_id"), Sql.uuid(rs, "team_id"), Sql.uuid(rs, "user_id"),
                rs.getString("role"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), rs.getString("username"));
    }

    private static Share share(ResultSet rs) throws SQLException {
        return new Share(Sql.uuid(rs, "share_id"), Sql.uuid(rs, "entity_id"), rs.getInt("share_type"), rs.getString("name"),
                rs.getString("slug"), rs.getString("parameters"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Sql.bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(mapper.map(rs)) : Optional.<T>empty();
                }
            }
        });
    }

    private void update(String sql, Object... args) throws SQLException {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Sql.bind(ps, args);
                return ps.executeUpdate();
            }
        });
    }

    private static long queryLong(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(Sql.uuid(rs, "user_id"), rs.getString("username"), rs.getString("password"),
                rs.getString("role"), Sql.instant(rs, "created_at"));
    }

    private static Website website(ResultSet rs) throws SQLException {
        return new Website(Sql.uuid(rs, "website_id"), rs.getString("name"), rs.getString("domain"),
                rs.getString("share_id"), Sql.instant(rs, "reset_at"), Sql.uuid(rs, "user_id"),
                Sql.uuid(rs, "team_id"), Sql.uuid(rs, "created_by"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"), Sql.instant(rs, "deleted_at"));
    }

    private static Segment segment(ResultSet rs) throws SQLException {
        return new Segment(Sql.uuid(rs, "segment_id"), Sql.uuid(rs, "website_id"), rs.getString("type"),
                rs.getString("name"), rs.getString("parameters"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }

    private static Link link(ResultSet rs) throws SQLException {
        return new Link(Sql.uuid(rs, "link_id"), rs.getString("name"), rs.getString("url"), rs.getString("slug"),
                Sql.uuid(rs, "user_id"), Sql.uuid(rs, "team_id"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }

    private static SavedReport report(ResultSet rs) throws SQLException {
        return new SavedReport(Sql.uuid(rs, "report_id"), Sql.uuid(rs, "user_id"), Sql.uuid(rs, "website_id"),
                rs.getString("type"), rs.getString("name"), rs.getString("description"), rs.getString("parameters"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }

    private static Pixel pixel(ResultSet rs) throws SQLException {
        return new Pixel(Sql.uuid(rs, "pixel_id"), rs.getString("name"), rs.getString("slug"),
                Sql.uuid(rs, "user_id"), Sql.uuid(rs, "team_id"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
