package io.footfall.store;

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

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Metadata: users, teams, websites, shares, segments, saved reports, links, pixels and salts. Small, relational, transactional. */
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

    /** Websites not deleted that the query selects, newest first; {@code search} matches name and domain. */
    PageOf<Website> listWebsites(WebsiteQuery query) throws SQLException;

    /** How many websites, not deleted, belong to a team. */
    long countTeamWebsites(UUID teamId) throws SQLException;

    void updateWebsite(Website website) throws SQLException;

    /** Marks the website deleted and removes what hangs off it: its shares, segments, cohorts and saved reports. */
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

    /** Links not deleted of one owner ({@code userId}) or one team, newest first; {@code search} matches name, slug, url. */
    PageOf<Link> listLinks(UUID userId, UUID teamId, String search, int page, int pageSize) throws SQLException;

    void updateLink(Link link) throws SQLException;

    /** Marks the link deleted and frees its slug (the column is unique over all rows). */
    void markLinkDeleted(UUID id, Instant at) throws SQLException;

    /** Whether any link, deleted or not, holds the slug or the id. */
    boolean linkTaken(String slug, UUID id) throws SQLException;

    void insertPixel(Pixel pixel) throws SQLException;

    Optional<Pixel> findPixelBySlug(String slug) throws SQLException;

    Optional<Pixel> findPixel(UUID id) throws SQLException;

    void insertReport(SavedReport report) throws SQLException;

    Optional<SavedReport> findReport(UUID id) throws SQLException;

    /** Writes the report's website, type, name, description, parameters and update time. */
    void updateReport(SavedReport report) throws SQLException;

    void deleteReport(UUID id) throws SQLException;

    /**
     * Saved reports, newest first; each of {@code userId}, {@code websiteId}, {@code type} narrows the list
     * when not null.
     */
    PageOf<SavedReport> listReports(UUID userId, UUID websiteId, String type, int page, int pageSize) throws SQLException;

    /** Pixels not deleted of one owner ({@code userId}) or one team, newest first; {@code search} matches name and slug. */
    PageOf<Pixel> listPixels(UUID userId, UUID teamId, String search, int page, int pageSize) throws SQLException;

    void updatePixel(Pixel pixel) throws SQLException;

    /** Marks the pixel deleted and frees its slug. */
    void markPixelDeleted(UUID id, Instant at) throws SQLException;

    /** Whether any pixel, deleted or not, holds the slug or the id. */
    boolean pixelTaken(String slug, UUID id) throws SQLException;

    /** Stores a new team together with its first membership (the owner), in one transaction. */
    void insertTeam(Team team, TeamMember owner) throws SQLException;

    /** The team unless deleted. */
    Optional<Team> findTeam(UUID id) throws SQLException;

    Optional<Team> findTeamByAccessCode(String accessCode) throws SQLException;

    void updateTeam(Team team) throws SQLException;

    /** Marks the team deleted with its links and pixels and ends its memberships; its websites are deleted separately (their events). */
    void markTeamDeleted(UUID id, Instant at) throws SQLException;

    /** Teams not deleted, newest first; {@code memberId} null means all teams, else those the user belongs to. */
    PageOf<Team> listTeams(UUID memberId, String search, int page, int pageSize) throws SQLException;

    /** A user's membership of a team, with its username. */
    Optional<TeamMember> findTeamMember(UUID teamId, UUID userId) throws SQLException;

    void insertTeamMember(TeamMember member) throws SQLException;

    void updateTeamMember(TeamMember member) throws SQLException;

    void deleteTeamMember(UUID teamId, UUID userId) throws SQLException;

    /** A team's members whose accounts are not deleted, oldest first, with usernames; {@code search} matches them. */
    PageOf<TeamMember> listTeamMembers(UUID teamId, String search, int page, int pageSize) throws SQLException;

    void insertShare(Share share) throws SQLException;

    Optional<Share> findShare(UUID id) throws SQLException;

    Optional<Share> findShareBySlug(String slug) throws SQLException;

    void updateShare(Share share) throws SQLException;

    void deleteShare(UUID id) throws SQLException;

    /** The shares of one entity, newest first. */
    PageOf<Share> listShares(UUID entityId, int page, int pageSize) throws SQLException;

    /** The stored secret for a salt period, inserting {@code candidate} first if there is none. */
    String saltSecret(String period, String candidate) throws SQLException;
}
