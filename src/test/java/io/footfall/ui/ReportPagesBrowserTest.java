package io.footfall.ui;

import io.footfall.testing.BrowserScript;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;

/**
 * The report pages in Debian's Chromium against a started server, driven by ui/e2e/reports.mjs (the same harness as
 * {@link DashboardBrowserTest}): known traffic sent through /api/send, then the exact numbers on the funnel, retention,
 * journey, goal, UTM, revenue, attribution, breakdown and Compare pages (ui/e2e/compare.mjs); a saved report reopened from its chip and its URL,
 * then deleted; and the look: nothing wider than a 390-px phone (also with very long names), lists as tall as their
 * rows, long names cut with a tooltip, empty states on a site without traffic, a 400 shown with Try again, dark-theme
 * contrast. Screenshots land in target/ui-shots/r*.png. Skipped only without node or /usr/bin/chromium.
 */
class ReportPagesBrowserTest {

    @Test
    void everyReportPageShowsTheNumbersOfTheTrafficSent() throws Exception {
        BrowserScript.assumeBrowser();
        try (TestServer server = TestServer.start()) {
            BrowserScript.runAndCheck("e2e/reports.mjs", server, Duration.ofMinutes(4), 80);
        }
    }
}
