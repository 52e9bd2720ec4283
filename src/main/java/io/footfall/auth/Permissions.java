package io.footfall.auth;

import io.footfall.manage.User;
import io.footfall.manage.Website;

import java.util.UUID;

/**
 * Who may do what, in one place. Owners and admins may see and change a website; view-only
 * users may not create or change anything; only admins manage other accounts. Team roles join
 * here once teams exist.
 */
public final class Permissions {
    private Permissions() {
    }

    /** Creating, listing and deleting accounts, and changing usernames and roles: admins only. */
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
        return !User.VIEW_ONLY.equals(user.role());
    }

    public static boolean canViewWebsite(User user, Website website) {
        return user.isAdmin() || user.id().equals(website.userId());
    }

    public static boolean canUpdateWebsite(User user, Website website) {
        return user.isAdmin() || (user.id().equals(website.userId()) && !User.VIEW_ONLY.equals(user.role()));
    }

    public static boolean canDeleteWebsite(User user, Website website) {
        return canUpdateWebsite(user, website);
    }
}
