package io.footfall.store;

import io.footfall.manage.Link;
import io.footfall.manage.PageOf;
import io.footfall.manage.Pixel;
import io.footfall.manage.Segment;
import io.footfall.manage.User;
import io.footfall.manage.UserListing;
import io.footfall.manage.Website;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Metadata: users, websites, segments, links, pixels and salts. Small, relational, transactional. */
public interface MetaStore {

    long countUsers() throws SQLException;

    void insertUser(User user) throws SQLException;

    Optional<User> findUserByUsername(String username) throws SQLException;

    Optional<User> findUserById(UUID id) throws SQLException;

    void updatePassword(UUID userId, String passwordHash) throws SQLException;

    /** Whether any user row, deleted or not, holds this username (the column is unique over all rows). */
    boolean usernameTaken(String username) throws SQLException;

    /** Whether any user, deleted or not, has this id (ids are never reused). */
    boolean userIdTaken(UUID id) throws SQLException;

    /** Users not deleted, newest first, each with its number of websites; {@code search} matches the username. */
    PageOf<UserListing> listUsers(String search, int page, int pageSize) throws SQLException;

    /** Writes the user's username, password hash and role. */
    void updateUser(User user, Instant at) throws SQLException;

    /**
     * Marks the user deleted together with its links and pixels, and renames the row so that its username
     * can be given to a new account. Its websites are deleted separately (their events live in the event store).
     */
    void markUserDeleted(UUID id, Instant at) throws SQLException;

    void insertWebsite(Website website) throws SQLException;

    /** The website unless deleted. */
    Optional<Website> findWebsite(UUID id) throws SQLException;

    /** Whether any website, deleted or not, has this id (ids are never reused). */
    boolean websiteIdTaken(UUID id) throws SQLException;

    Optional<Website> findWebsiteByShareId(String shareId) throws SQLException;

    /** Websites not deleted, newest first; {@code ownerId} null means all websites (admin view). */
    PageOf<Website> listWebsites(UUID ownerId, String search, int page, int pageSize) throws SQLException;

    void updateWebsite(Website website) throws SQLException;

    void markWebsiteDeleted(UUID id, Instant at) throws SQLException;

    void insertSegment(Segment segment) throws SQLException;

    /** The website's segment or cohort with this id, of either type. */
    Optional<Segment> findSegment(UUID websiteId, UUID id) throws SQLException;

    /** The website's segments of one type, oldest first (as Umami lists them); {@code search} matches the name case-insensitively and literally. */
    PageOf<Segment> listSegments(UUID websiteId, String type, String search, int page, int pageSize) throws SQLException;

    /** Writes the segment's type, name, parameters and update time. */
    void updateSegment(Segment segment) throws SQLException;

    void deleteSegment(UUID id) throws SQLException;

    void insertLink(Link link) throws SQLException;

    Optional<Link> findLinkBySlug(String slug) throws SQLException;

    Optional<Link> findLink(UUID id) throws SQLException;

    void insertPixel(Pixel pixel) throws SQLException;

    Optional<Pixel> findPixelBySlug(String slug) throws SQLException;

    Optional<Pixel> findPixel(UUID id) throws SQLException;

    /** The stored secret for a salt period, inserting {@code candidate} first if there is none. */
    String saltSecret(String period, String candidate) throws SQLException;
}
