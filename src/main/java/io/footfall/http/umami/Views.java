package io.footfall.http.umami;

import io.footfall.store.meta.PageOf;
import io.footfall.store.meta.Share;
import io.footfall.store.meta.Team;
import io.footfall.store.meta.TeamMember;
import io.footfall.store.meta.User;
import io.footfall.store.meta.UserListing;
import io.footfall.store.meta.Website;

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

    /**
     * A single website with its TinyTrail settings beside Umami's fields, so both APIs show one model; extra
     * fields, which Umami's clients ignore.
     */
    static Map<String, Object> websiteWithSettings(Website w, io.footfall.store.meta.WebsiteSettings s) {
        Map<String, Object> m = website(w);
        m.put("contentGroups", s.contentGroups());
        m.put("excludedIps", s.excludedIps());
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

    static Map<String, Object> link(io.footfall.store.meta.Link l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("name", l.name());
        m.put("url", l.url());
        m.put("slug", l.slug());
        m.put("userId", l.userId());
        m.put("teamId", l.teamId());
        m.put("createdAt", l.createdAt());
        m.put("updatedAt", l.updatedAt());
        m.put("deletedAt", null);
        return m;
    }

    static Map<String, Object> pixel(io.footfall.store.meta.Pixel p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", p.name());
        m.put("slug", p.slug());
        m.put("userId", p.userId());
        m.put("teamId", p.teamId());
        m.put("createdAt", p.createdAt());
        m.put("updatedAt", p.updatedAt());
        m.put("deletedAt", null);
        return m;
    }

    static Map<String, Object> team(Team t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("accessCode", t.accessCode());
        m.put("logoUrl", t.logoUrl());
        m.put("createdAt", t.createdAt());
        m.put("updatedAt", t.updatedAt());
        m.put("deletedAt", t.deletedAt());
        m.put("twoFactorRequired", false);
        return m;
    }

    /** A membership as the team routes answer it. */
    static Map<String, Object> member(TeamMember tm) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", tm.id());
        m.put("teamId", tm.teamId());
        m.put("userId", tm.userId());
        m.put("role", tm.role());
        m.put("createdAt", tm.createdAt());
        m.put("updatedAt", tm.updatedAt());
        return m;
    }

    /** A membership in a team's member list, with the user's id and name. */
    static Map<String, Object> memberWithUser(TeamMember tm) {
        Map<String, Object> m = member(tm);
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", tm.userId());
        user.put("username", tm.username());
        m.put("user", user);
        return m;
    }

    /** A share; its parameters are stored as JSON text and answered as JSON. */
    static Map<String, Object> share(Share s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("entityId", s.entityId());
        m.put("shareType", s.shareType());
        m.put("name", s.name());
        m.put("slug", s.slug());
        m.put("parameters", parameters(s));
        m.put("createdAt", s.createdAt());
        m.put("updatedAt", s.updatedAt());
        return m;
    }

    static Object parameters(Share s) {
        return s.parameters() == null ? Map.of() : io.footfall.http.Json.parse(s.parameters().getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
