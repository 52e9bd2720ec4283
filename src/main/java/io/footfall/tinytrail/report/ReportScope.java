package io.footfall.tinytrail.report;

import io.footfall.query.SqlText;
import io.footfall.store.Dialect;

import java.util.UUID;

/**
 * Which events a TinyTrail report reads: one website, the period's whole UTC days, ordinary traffic or also
 * bots ({@link EventSource}), and optionally a content group's paths.
 */
public record ReportScope(UUID websiteId, ReportPeriod period, boolean includeBots, ContentGroupPattern group,
                          Dialect dialect) {

    public ReportScope withPeriod(ReportPeriod p) {
        return new ReportScope(websiteId, p, includeBots, group, dialect);
    }

    /** {@code FROM <source> <alias> WHERE} website, period and type condition (over alias {@code e}), without the group. */
    public SqlText from(String alias, String typeCondition) {
        return new SqlText().add(" FROM " + EventSource.table(includeBots) + " " + alias + " WHERE " + alias
                        + ".website_id = ? AND " + alias + ".created_at >= ? AND " + alias + ".created_at < ? AND "
                        + typeCondition.replace("e.", alias + "."),
                websiteId, period.startAt(), period.endBefore());
    }

    /** {@link #from} plus, with a content group, only rows on its paths. */
    public SqlText fromInGroup(String alias, String typeCondition) {
        return from(alias, typeCondition).addAll(pathInGroup(alias));
    }

    /** {@code AND <alias>.url_path LIKE ...} for the content group; nothing without one. */
    public SqlText pathInGroup(String alias) {
        if (group == null) return new SqlText();
        return new SqlText().add(" AND " + alias + ".url_path LIKE ? ESCAPE '\\'", group.like());
    }

    /**
     * With a content group, {@code AND <alias>.visit_id IN (visits with a pageview on its paths in the period)};
     * nothing without one. For reports that describe whole visits (sources, devices).
     */
    public SqlText visitInGroup(String alias) {
        if (group == null) return new SqlText();
        return new SqlText().add(" AND " + alias + ".visit_id IN (SELECT g.visit_id")
                .addAll(fromInGroup("g", TinyTrailTerms.PAGEVIEW)).add(")");
    }
}
