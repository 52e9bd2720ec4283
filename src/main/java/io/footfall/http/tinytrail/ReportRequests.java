package io.footfall.http.tinytrail;

import io.footfall.http.ApiRequest;
import io.footfall.store.meta.WebsiteSettings;
import io.footfall.store.EventStore;
import io.footfall.tinytrail.TinyTrailWebsites;
import io.footfall.tinytrail.TinyTrailWebsites.Site;
import io.footfall.tinytrail.report.Compare;
import io.footfall.tinytrail.report.ContentGroupPattern;
import io.footfall.tinytrail.report.FirstDay;
import io.footfall.tinytrail.report.NamedPeriod;
import io.footfall.tinytrail.report.Paging;
import io.footfall.tinytrail.report.ReportPeriod;
import io.footfall.tinytrail.report.ReportScope;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The report routes' common query parameters, checked in one place, in this order: the key (401
 * UNAUTHORIZED), every parameter (400 INVALID_PAYLOAD: {@code website_id} missing or not a UUID, an unknown
 * {@code period}, {@code compare}, {@code format} or {@code include_bots} value, a date that is not a real
 * {@code YYYY-MM-DD}, {@code end_date} without {@code start_date} or before it, {@code page} below 1,
 * {@code per_page} outside 1–500), then the website (404 NOT_FOUND when it does not exist or belongs to another
 * account, never 403), then {@code content_group} (400 when the website has no group of that name).
 */
final class ReportRequests {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final LocalDate EARLIEST_DATE = LocalDate.of(1970, 1, 1);

    /** A caller and the website it may read. */
    record SiteAccess(Caller caller, Site site) {
    }

    private final KeyAuth auth;
    private final TinyTrailWebsites websites;
    private final EventStore events;
    private final Clock clock;

    ReportRequests(KeyAuth auth, TinyTrailWebsites websites, EventStore events, Clock clock) {
        this.auth = auth;
        this.websites = websites;
        this.events = events;
        this.clock = clock;
    }

    EventStore events() {
        return events;
    }

    /** The current instant, for reports that look back from now (realtime). */
    java.time.Instant now() {
        return clock.instant();
    }

    /** The key and {@code website_id} only (for reports without the period parameters, such as realtime). */
    SiteAccess site(ApiRequest req) throws SQLException {
        Caller caller = auth.caller(req);
        return new SiteAccess(caller, reachable(caller, websiteId(req)));
    }

    /** Every common parameter, checked. */
    ReportRequest parse(ApiRequest req) throws SQLException {
        Caller caller = auth.caller(req);
        UUID websiteId = websiteId(req);
        NamedPeriod named = NamedPeriod.DEFAULT;
        String periodText = req.query("period");
        if (periodText != null) {
            named = NamedPeriod.of(periodText);
            if (named == null) {
                throw TinyTrailException.invalid("'period' must be one of yesterday, today, 7d, 30d, 90d, 12m, ytd, all");
            }
        }
        LocalDate start = date(req, "start_date");
        LocalDate end = date(req, "end_date");
        if (end != null && start == null) throw TinyTrailException.invalid("'end_date' needs 'start_date'");
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (start != null && end == null) end = today.isBefore(start) ? start : today;
        if (start != null && end.isBefore(start)) throw TinyTrailException.invalid("'end_date' must not be before 'start_date'");
        Compare compare = null;
        String compareText = req.query("compare");
        if (compareText != null) {
            compare = Compare.of(compareText);
            if (compare == null) throw TinyTrailException.invalid("'compare' must be previous_period or yoy");
        }
        boolean includeBots = flag(req, "include_bots");
        Paging paging = new Paging(number(req, "page", 1, 1, Integer.MAX_VALUE, "'page' must be a whole number from 1"),
                number(req, "per_page", Paging.DEFAULT_PER_PAGE, 1, Paging.MAX_PER_PAGE,
                        "'per_page' must be a whole number from 1 to " + Paging.MAX_PER_PAGE));
        String format = req.query("format");
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw TinyTrailException.invalid("'format' must be json or csv");
        }
        Site site = reachable(caller, websiteId);
        ContentGroupPattern group = group(req, site);
        ReportPeriod period;
        if (start != null) {
            period = new ReportPeriod(start, end);
        } else {
            period = named.days(today, () -> {
                try {
                    return FirstDay.of(events, websiteId, includeBots);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        ReportScope scope = new ReportScope(websiteId, period, includeBots, group, events.dialect());
        return new ReportRequest(req, caller, site, scope, compare, paging, "csv".equals(format));
    }

    private static UUID websiteId(ApiRequest req) {
        String text = req.query("website_id");
        if (text == null) throw TinyTrailException.invalid("'website_id' is required");
        return Ids.parse(text, "website_id");
    }

    private Site reachable(Caller caller, UUID id) throws SQLException {
        return websites.find(id).filter(s -> caller.reaches(s.accountId()))
                .orElseThrow(() -> TinyTrailException.notFound("Website"));
    }

    private static ContentGroupPattern group(ApiRequest req, Site site) {
        String name = req.query("content_group");
        if (name == null) return null;
        for (WebsiteSettings.ContentGroup g : site.settings().contentGroups()) {
            if (g.name().equals(name)) return new ContentGroupPattern(g.name(), g.pattern());
        }
        throw TinyTrailException.invalid("'content_group' names no content group of this website");
    }

    private static LocalDate date(ApiRequest req, String name) {
        String text = req.query(name);
        if (text == null) return null;
        String message = "'" + name + "' must be a date as YYYY-MM-DD";
        if (!DATE.matcher(text).matches()) throw TinyTrailException.invalid(message);
        try {
            LocalDate d = LocalDate.parse(text);
            if (d.isBefore(EARLIEST_DATE)) throw TinyTrailException.invalid(message);
            return d;
        } catch (DateTimeParseException e) {
            throw TinyTrailException.invalid(message);
        }
    }

    private static boolean flag(ApiRequest req, String name) {
        String text = req.query(name);
        if (text == null || text.equals("false")) return false;
        if (text.equals("true")) return true;
        throw TinyTrailException.invalid("'" + name + "' must be true or false");
    }

    private static int number(ApiRequest req, String name, int fallback, int min, int max, String message) {
        String text = req.query(name);
        if (text == null) return fallback;
        if (!text.matches("\\d{1,10}")) throw TinyTrailException.invalid(message);
        long v = Long.parseLong(text);
        if (v < min || v > max) throw TinyTrailException.invalid(message);
        return (int) v;
    }
}
