package io.footfall.auth;

import io.footfall.store.meta.TeamMember;
import io.footfall.store.meta.User;
import io.footfall.store.meta.Website;

import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who may do what, in one place: the table {@link #ROLE_ACTIONS} gives each account role (admin, user,
 * view-only) and each team role its actions, as Umami's role permissions do; the methods below combine it
 * with ownership and team membership. Every route asks here, and answers 401 when refused.
 *
 * <p>One difference from Umami, on purpose: an account whose own role is view-only changes nothing, not even
 * through a team role that would allow it.
 */
public final class Permissions {

    /** What a role may do beyond reading; reading follows from ownership or membership. */
    public enum Action {
        WEBSITE_CREATE, WEBSITE_UPDATE, WEBSITE_DELETE, WEBSITE_TRANSFER_TO_TEAM, WEBSITE_TRANSFER_TO_USER,
        TEAM_CREATE, TEAM_UPDATE, TEAM_DELETE
    }

    public static final Map<String, Set<Action>> ROLE_ACTIONS = Map.of(
            User.ADMIN, EnumSet.allOf(Action.class),
            User.USER, EnumSet.of(Action.WEBSITE_CREATE, Action.WEBSITE_UPDATE, Action.WEBSITE_DELETE, Action.TEAM_CREATE),
            User.VIEW_ONLY, EnumSet.noneOf(Action.class),
            TeamMember.OWNER, EnumSet.of(Action.TEAM_UPDATE, Action.TEAM_DELETE, Action.WEBSITE_CREATE,
                    Action.WEBSITE_UPDATE, Action.WEBSITE_DELETE, Action.WEBSITE_TRANSFER_TO_TEAM, Action.WEBSITE_TRANSFER_TO_USER),
            TeamMember.MANAGER, EnumSet.of(Action.TEAM_UPDATE, Action.WEBSITE_CREATE, Action.WEBSITE_UPDATE,
                    Action.WEBSITE_DELETE, Action.WEBSITE_TRANSFER_TO_TEAM),
            TeamMember.MEMBER, EnumSet.of(Action.WEBSITE_CREATE, Action.WEBSITE_UPDATE, Action.WEBSITE_DELETE),
            TeamMember.VIEW_ONLY, EnumSet.noneOf(Action.class));

    /** A user's role in a team, if it is a member. */
    @FunctionalInterface
    public interface Memberships {
        Optional<String> role(UUID teamId, UUID userId) throws SQLException;
    }

    private final Memberships memberships;

    public Permissions(Memberships memberships) {
        this.memberships = memberships;
    }

    public static boolean allows(String role, Action action) {
        return role != null && ROLE_ACTIONS.getOrDefault(role, Set.of()).contains(action);
    }

    /** Creating, listing and deleting accounts, changing usernames and roles, listing everything: admins only. */
    public static boolean canManageUsers(User user) {
        return user.isAdmin();
    }

    /** An account, its websites and teams: an admin, or the user itself. */
    public static boolean canViewUser(User user, UUID userId) {
        return user.isAdmin() || user.id().equals(userId);
    }

    /** An admin, or the user itself; a user's own changes are limited to its password (see {@link #canManageUsers}). */
    public static boolean canUpdateUser(User user, UUID userId) {
        return user.isAdmin() || user.id().equals(userId);
    }

    public static boolean canCreateWebsite(User user) {
        return allows(user.role(), Action.WEBSITE_CREATE);
    }

    public static boolean canCreateTeam(User user) {
        return allows(user.role(), Action.TEAM_CREATE);
    }

    /** A website's data: an admin, its owner, any member of its team, or a share token made for it. */
    public boolean canViewWebsite(Principal p, Website w) throws SQLException {
        return canViewOwned(p, w.id(), w.userId(), w.teamId());
    }

    /**
     * Anything owned by a user or a team (a website, link or pixel, and their statistics): an admin, the owner,
     * any member of the team, or a share token made for that id (or for a board naming it).
     */
    public boolean canViewOwned(Principal p, UUID id, UUID userId, UUID teamId) throws SQLException {
        if (p.isShare()) return p.shareReads(id);
        User user = p.user();
        if (user.isAdmin()) return true;
        if (userId != null) return user.id().equals(userId);
        return teamId != null && memberships.role(teamId, user.id()).isPresent();
    }

    /** Changing or deleting something a user or team owns: the admin, the owner, or a team role with {@code action}. */
    public boolean canChangeOwned(User user, UUID userId, UUID teamId, Action action) throws SQLException {
        if (user.isAdmin()) return true;
        if (User.VIEW_ONLY.equals(user.role())) return false;
        if (userId != null) return user.id().equals(userId);
        return teamId != null && allows(memberships.role(teamId, user.id()).orElse(null), action);
    }

    public boolean canUpdateWebsite(User user, Website w) throws SQLException {
        return canChangeWebsite(user, w, Action.WEBSITE_UPDATE);
    }

    public boolean canDeleteWebsite(User user, Website w) throws SQLException {
        return canChangeWebsite(user, w, Action.WEBSITE_DELETE);
    }

    /** Doing {@code action} to a website: the admin, its owner, or a team role of its team with {@code action}. */
    public boolean canChangeWebsite(User user, Website w, Action action) throws SQLException {
        return canChangeOwned(user, w.userId(), w.teamId(), action);
    }

    /**
     * From a team to the caller itself: a team role that may hand websites to users. No exception for admins,
     * as in Umami.
     */
    public boolean canTransferToUser(User user, Website w, UUID userId) throws SQLException {
        if (User.VIEW_ONLY.equals(user.role())) return false;
        return w.teamId() != null && user.id().equals(userId)
                && allows(memberships.role(w.teamId(), user.id()).orElse(null), Action.WEBSITE_TRANSFER_TO_USER);
    }

    /**
     * From the caller's own websites to a team where its role may receive websites. No exception for admins,
     * as in Umami.
     */
    public boolean canTransferToTeam(User user, Website w, UUID teamId) throws SQLException {
        if (User.VIEW_ONLY.equals(user.role())) return false;
        return user.id().equals(w.userId())
                && allows(memberships.role(teamId, user.id()).orElse(null), Action.WEBSITE_TRANSFER_TO_TEAM);
    }

    public boolean canViewTeam(User user, UUID teamId) throws SQLException {
        return user.isAdmin() || memberships.role(teamId, user.id()).isPresent();
    }

    public boolean canUpdateTeam(User user, UUID teamId) throws SQLException {
        return teamAllows(user, teamId, Action.TEAM_UPDATE);
    }

    public boolean canDeleteTeam(User user, UUID teamId) throws SQLException {
        return teamAllows(user, teamId, Action.TEAM_DELETE);
    }

    public boolean canCreateTeamWebsite(User user, UUID teamId) throws SQLException {
        return teamAllows(user, teamId, Action.WEBSITE_CREATE);
    }

    /** A member may always leave a team; owners and managers (and admins) may remove others. */
    public boolean canRemoveTeamMember(User user, UUID teamId, UUID memberId) throws SQLException {
        if (user.id().equals(memberId) && memberships.role(teamId, user.id()).isPresent()) return true;
        return canUpdateTeam(user, teamId);
    }

    /** Everything the admin pages list: every website, team and account. */
    public static boolean canViewAll(User user) {
        return user.isAdmin();
    }

    private boolean teamAllows(User user, UUID teamId, Action action) throws SQLException {
        if (user.isAdmin()) return true;
        if (User.VIEW_ONLY.equals(user.role())) return false;
        return allows(memberships.role(teamId, user.id()).orElse(null), action);
    }
}
