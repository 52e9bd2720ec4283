package io.footfall.tinytrail;

import io.footfall.store.meta.PageOf;
import io.footfall.store.meta.Website;
import io.footfall.store.meta.WebsiteQuery;
import io.footfall.manage.WebsiteService;
import io.footfall.store.meta.WebsiteSettings;
import io.footfall.store.WebsiteSettingStore;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * TinyTrail websites as Footfall websites: the account is the website's team, the domain is its domain (and its
 * name, while the name was never changed apart from it), content groups and excluded IPs its settings.
 */
public final class TinyTrailWebsites {
    public record Site(UUID id, UUID accountId, String domain, WebsiteSettings settings, java.time.Instant createdAt) {
    }

    private final WebsiteService websites;
    private final WebsiteSettingStore settings;

    public TinyTrailWebsites(WebsiteService websites, WebsiteSettingStore settings) {
        this.websites = websites;
        this.settings = settings;
    }

    /** Every website (accountId null) or those of one account, oldest first. */
    public List<Site> list(UUID accountId) throws SQLException {
        List<Site> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            PageOf<Website> p = websites.list(new WebsiteQuery(null, null, accountId, null, page, 500));
            for (Website w : p.data()) all.add(site(w));
            if (p.data().size() < 500) break;
        }
        all.sort(java.util.Comparator.comparing(Site::createdAt).thenComparing(s -> s.id().toString()));
        return all;
    }

    public Optional<Site> find(UUID id) throws SQLException {
        Optional<Website> w = websites.find(id);
        return w.isEmpty() ? Optional.empty() : Optional.of(site(w.get()));
    }

    public boolean domainTaken(UUID accountId, String domain, UUID except) throws SQLException {
        for (Site s : list(accountId)) {
            if (s.domain() != null && s.domain().equalsIgnoreCase(domain) && !s.id().equals(except)) return true;
        }
        return false;
    }

    public Site create(UUID accountId, UUID createdBy, String domain, WebsiteSettings s) throws SQLException {
        Website w = websites.create(null, domain, domain, null, createdBy, accountId);
        settings.save(w.id(), s);
        return site(w);
    }

    /** Changes the given parts; null leaves one as it is. */
    public Site update(UUID id, String domain, List<WebsiteSettings.ContentGroup> groups, List<String> excludedIps)
            throws SQLException {
        Website w = websites.find(id).orElseThrow();
        if (domain != null) {
            String name = w.name() != null && w.name().equals(w.domain()) ? domain : w.name();
            w = websites.update(w, name, domain, w.shareId());
        }
        if (groups != null || excludedIps != null) {
            WebsiteSettings old = settings.find(id);
            settings.save(id, new WebsiteSettings(groups != null ? groups : old.contentGroups(),
                    excludedIps != null ? excludedIps : old.excludedIps()));
        }
        return site(w);
    }

    /** Its events and settings go with it (WebsiteService.delete, as through the Umami API). */
    public void delete(UUID id) throws SQLException {
        websites.delete(websites.find(id).orElseThrow());
    }

    /** The website's settings (for the collect path: excluded IPs, content groups). */
    public WebsiteSettings settings(UUID id) throws SQLException {
        return settings.find(id);
    }

    private Site site(Website w) throws SQLException {
        return new Site(w.id(), w.teamId(), w.domain(), settings.find(w.id()), w.createdAt());
    }
}
