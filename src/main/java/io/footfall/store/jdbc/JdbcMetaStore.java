package io.footfall.store.jdbc;

import io.footfall.manage.Link;
import io.footfall.manage.PageOf;
import io.footfall.manage.Pixel;
import io.footfall.manage.Segment;
import io.footfall.manage.User;
import io.footfall.manage.UserListing;
import io.footfall.manage.Website;
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
            for (String table : new String[]{"link", "pixel"}) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + table
                        + " SET deleted_at = ?, updated_at = ? WHERE user_id = ? AND deleted_at IS NULL")) {
                    Sql.bind(ps, at, at, id);
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
    public PageOf<Website> listWebsites(UUID ownerId, String search, int page, int pageSize) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE deleted_at IS NULL");
        List<Object> args = new ArrayList<>();
        if (ownerId != null) {
            where.append(" AND user_id = ?");
            args.add(ownerId);
        }
        if (search != null && !search.isBlank()) {
            where.append(" AND (lower(name) LIKE ? ESCAPE '\\' OR lower(domain) LIKE ? ESCAPE '\\')");
            String like = "%" + escapeLike(search.toLowerCase()) + "%";
            args.add(like);
            args.add(like);
        }
        return db.read(c -> {
            long count = queryLong(c, "SELECT count(*) FROM website" + where, args.toArray());
            List<Object> pageArgs = new ArrayList<>(args);
            pageArgs.add(pageSize);
            pageArgs.add((long) (page - 1) * pageSize);
            List<Website> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + WEBSITE_COLUMNS + " FROM website" + where
                    + " ORDER BY created_at DESC, website_id LIMIT ? OFFSET ?")) {
                Sql.bind(ps, pageArgs.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) rows.add(website(rs));
                }
            }
            return new PageOf<>(rows, count, page, pageSize);
        });
    }

    @Override
    public void updateWebsite(Website w) throws SQLException {
        update("UPDATE website SET name = ?, domain = ?, share_id = ?, reset_at = ?, user_id = ?, team_id = ?, "
                        + "updated_at = ? WHERE website_id = ?",
                w.name(), w.domain(), w.shareId(), w.resetAt(), w.userId(), w.teamId(), w.updatedAt(), w.id());
    }

    @Override
    public void markWebsiteDeleted(UUID id, Instant at) throws SQLException {
        // The share id is released so it can be reused by another website.
        update("UPDATE website SET deleted_at = ?, updated_at = ?, share_id = NULL WHERE website_id = ?", at, at, id);
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
        update("INSERT INTO link (link_id, name, url, slug, user_id, team_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                l.id(), l.name(), l.url(), l.slug(), l.userId(), l.teamId(), l.userId(), l.createdAt());
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
        update("INSERT INTO pixel (pixel_id, name, slug, user_id, team_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                p.id(), p.name(), p.slug(), p.userId(), p.teamId(), p.userId(), p.createdAt());
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
                Sql.uuid(rs, "user_id"), Sql.uuid(rs, "team_id"), Sql.instant(rs, "created_at"));
    }

    private static Pixel pixel(ResultSet rs) throws SQLException {
        return new Pixel(Sql.uuid(rs, "pixel_id"), rs.getString("name"), rs.getString("slug"),
                Sql.uuid(rs, "user_id"), Sql.uuid(rs, "team_id"), Sql.instant(rs, "created_at"));
    }
}
