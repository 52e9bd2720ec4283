package io.footfall.http.tinytrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.collect.IpFilter;
import io.footfall.http.ApiRequest;
import io.footfall.http.Reply;
import io.footfall.store.meta.WebsiteSettings;
import io.footfall.tinytrail.TinyTrailDirectory;
import io.footfall.tinytrail.TinyTrailWebsites;
import io.footfall.tinytrail.TinyTrailWebsites.Site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code /api/v1/websites}: admins see and change every website, users those of their account; another
 * account's website is 404 (never 403), so ids cannot be probed.
 */
final class WebsiteRoutes {
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9.-]{1,255}");
    private static final int MAX_LIST = 100;

    private final KeyAuth auth;
    private final TinyTrailWebsites websites;
    private final TinyTrailDirectory directory;

    WebsiteRoutes(KeyAuth auth, TinyTrailWebsites websites, TinyTrailDirectory directory) {
        this.auth = auth;
        this.websites = websites;
        this.directory = directory;
    }

    void register(TinyTrailRoutes.Registrar r) {
        r.get("/api/v1/websites", this::list);
        r.post("/api/v1/websites", this::create);
        r.patch("/api/v1/websites/{id}", this::update);
        r.delete("/api/v1/websites/{id}", this::delete);
    }

    private Reply list(ApiRequest req) throws Exception {
        Caller c = auth.caller(req);
        if (!c.admin() && c.accountId() == null) return Envelope.ok(List.of());
        return Envelope.ok(websites.list(c.admin() ? null : c.accountId()).stream().map(WebsiteRoutes::json).toList());
    }

    private Reply create(ApiRequest req) throws Exception {
        Caller c = auth.caller(req);
        JsonNode body = Bodies.object(req);
        String domain = domain(body, true);
        List<WebsiteSettings.ContentGroup> groups = contentGroups(body);
        List<String> ips = excludedIps(body);
        UUID account = c.accountId();
        String accountText = Bodies.optionalString(body, "account_id", 36);
        if (accountText != null) {
            UUID asked = Ids.parse(accountText, "account_id");
            if (c.admin()) {
                if (directory.account(asked).isEmpty()) throw TinyTrailException.invalid("Account not found");
                account = asked;
            } else if (!asked.equals(account)) {
                throw TinyTrailException.notFound("Account");
            }
        }
        if (account == null) throw TinyTrailException.invalid("'account_id' is required");
        if (websites.domainTaken(account, domain, null)) {
            throw TinyTrailException.invalid("A website with this domain already exists in the account");
        }
        Site s = websites.create(account, c.user().id(), domain,
                new WebsiteSettings(groups != null ? groups : List.of(), ips != null ? ips : List.of()));
        return Envelope.success(201, json(s));
    }

    private Reply update(ApiRequest req) throws Exception {
        Caller c = auth.caller(req);
        UUID id = Ids.parse(req.pathParam("id"), "id");
        Site site = reachable(c, id);
        JsonNode body = Bodies.object(req);
        String domain = domain(body, false);
        List<WebsiteSettings.ContentGroup> groups = contentGroups(body);
        List<String> ips = excludedIps(body);
        if (domain == null && groups == null && ips == null) {
            throw TinyTrailException.invalid("Provide at least one of domain, content_groups, excluded_ips");
        }
        if (domain != null && site.accountId() != null && websites.domainTaken(site.accountId(), domain, id)) {
            throw TinyTrailException.invalid("A website with this domain already exists in the account");
        }
        return Envelope.ok(json(websites.update(id, domain, groups, ips)));
    }

    private Reply delete(ApiRequest req) throws Exception {
        Caller c = auth.caller(req);
        UUID id = Ids.parse(req.pathParam("id"), "id");
        Site site = reachable(c, id);
        websites.delete(id);
        return Envelope.ok(json(site));
    }

    private Site reachable(Caller c, UUID id) throws Exception {
        return websites.find(id).filter(s -> c.reaches(s.accountId()))
                .orElseThrow(() -> TinyTrailException.notFound("Website"));
    }

    private static String domain(JsonNode body, boolean required) {
        JsonNode n = body.get("domain");
        if (n == null || n.isNull()) {
            if (required) throw TinyTrailException.invalid("'domain' is required");
            return null;
        }
        if (!n.isTextual() || !DOMAIN.matcher(n.asText()).matches()) {
            throw TinyTrailException.invalid("'domain' must be 1 to 255 letters, digits, hyphens and dots");
        }
        return n.asText();
    }

    private static List<WebsiteSettings.ContentGroup> contentGroups(JsonNode body) {
        JsonNode n = body.get("content_groups");
        if (n == null) return null;
        String shape = "'content_groups' must be an array of {name, pattern} with non-empty strings";
        if (!n.isArray() || n.size() > MAX_LIST) throw TinyTrailException.invalid(shape);
        List<WebsiteSettings.ContentGroup> out = new ArrayList<>();
        for (JsonNode g : n) {
            if (!g.isObject()) throw TinyTrailException.invalid(shape);
            JsonNode name = g.get("name");
            JsonNode pattern = g.get("pattern");
            if (name == null || !name.isTextual() || name.asText().isBlank() || name.asText().length() > 100
                    || pattern == null || !pattern.isTextual() || pattern.asText().isBlank() || pattern.asText().length() > 500) {
                throw TinyTrailException.invalid(shape);
            }
            out.add(new WebsiteSettings.ContentGroup(name.asText(), pattern.asText()));
        }
        return out;
    }

    private static List<String> excludedIps(JsonNode body) {
        JsonNode n = body.get("excluded_ips");
        if (n == null) return null;
        if (!n.isArray() || n.size() > MAX_LIST) throw TinyTrailException.invalid("'excluded_ips' must be an array of IP addresses or CIDR ranges");
        List<String> out = new ArrayList<>();
        for (JsonNode ip : n) {
            if (!ip.isTextual()) throw TinyTrailException.invalid("'excluded_ips' must be an array of IP addresses or CIDR ranges");
            try {
                new IpFilter(List.of(ip.asText()));
            } catch (IllegalArgumentException e) {
                throw TinyTrailException.invalid("'excluded_ips' has an invalid entry: " + ip.asText());
            }
            out.add(ip.asText());
        }
        return out;
    }

    static Map<String, Object> json(Site s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("accountId", s.accountId());
        m.put("domain", s.domain());
        m.put("contentGroups", s.settings().contentGroups());
        m.put("excludedIps", s.settings().excludedIps());
        m.put("createdAt", s.createdAt());
        return m;
    }
}
