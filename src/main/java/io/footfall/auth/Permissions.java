package io.footfall.auth;

import io.footfall.manage.User;
import io.footfall.manage.Website;

/**
 * Who may do what, in one place. Owners and admins may see and change a website; view-only
 * users may not create or change anything. Team roles join here once teams exist.
 */
public final class Permissions {
    private Permissions() {
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
