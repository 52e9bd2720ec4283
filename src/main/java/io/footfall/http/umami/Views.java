package io.footfall.http.umami;

import io.footfall.manage.PageOf;
import io.footfall.manage.User;
import io.footfall.manage.UserListing;
import io.footfall.manage.Website;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** JSON shapes of Umami's API for managed objects, field for field. */
final class Views {
    private Views() {
    }

    static Map<String, Object> user(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("username", u.username());
        m.put("role", u.role());
        m.put("createdAt", u.createdAt());
        m.put("isAdmin", u.isAdmin());
        return m;
    }

    /** An account as the users API returns it (no {@code isAdmin}, unlike the login answer). */
    static Map<String, Object> account(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("username", u.username());
        m.put("role", u.role());
        m.put("createdAt", u.createdAt());
        return m;
    }

    /** A row of the admin's user list, with Umami's {@code _count} of websites. */
    static Map<String, Object> userListing(UserListing l) {
        User u = l.user();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("username", u.username());
        m.put("role", u.role());
        m.put("logoUrl", l.logoUrl());
        m.put("displayName", l.displayName());
        m.put("createdAt", u.createdAt());
        m.put("updatedAt", l.updatedAt());
        m.put("deletedAt", null);
        m.put("_count", Map.of("websites", l.websiteCount()));
        return m;
    }

    static Map<String, Object> website(Website w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.id());
        m.put("name", w.name());
        m.put("domain", w.domain());
        m.put("shareId", w.shareId());
        m.put("resetAt", w.resetAt());
        m.put("userId", w.userId());
        m.put("teamId", w.teamId());
        m.put("createdBy", w.createdBy());
        m.put("createdAt", w.createdAt());
        m.put("updatedAt", w.updatedAt());
        m.put("deletedAt", w.deletedAt());
        m.put("replayEnabled", false);
        m.put("replayConfig", null);
        return m;
    }

    /** A website in a list, with its owner as Umami includes it. */
    static Map<String, Object> websiteWithOwner(Website w, Function<java.util.UUID, String> usernames) {
        Map<String, Object> m = website(w);
        if (w.userId() != null) {
            Map<String, Object> owner = new LinkedHashMap<>();
            owner.put("username", usernames.apply(w.userId()));
            owner.put("id", w.userId());
            m.put("user", owner);
        }
        return m;
    }

    static <T> Map<String, Object> page(PageOf<T> page, Function<T, Object> item) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> data = page.data().stream().map(item).toList();
        m.put("data", data);
        m.put("count", page.count());
        m.put("page", page.page());
        m.put("pageSize", page.pageSize());
        return m;
    }
}
