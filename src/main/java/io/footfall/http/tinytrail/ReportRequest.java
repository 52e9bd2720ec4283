package io.footfall.http.tinytrail;

import io.footfall.http.ApiRequest;
import io.footfall.tinytrail.TinyTrailWebsites.Site;
import io.footfall.tinytrail.report.Compare;
import io.footfall.tinytrail.report.Paging;
import io.footfall.tinytrail.report.ReportPeriod;
import io.footfall.tinytrail.report.ReportScope;

/**
 * A report request with its common parameters checked ({@link ReportRequests}): who asks, for which reachable
 * website, which events ({@code scope}: period, include_bots, content_group), the comparison (null without
 * {@code compare}), the page, and whether CSV was asked for.
 */
record ReportRequest(ApiRequest http, Caller caller, Site site, ReportScope scope, Compare compare, Paging paging,
                     boolean csv) {
    ReportPeriod period() {
        return scope.period();
    }

    /** The comparison period's scope; null without {@code compare}. */
    ReportScope comparisonScope() {
        return compare == null ? null : scope.withPeriod(compare.against(scope.period()));
    }
}
