package io.footfall.ui;

import io.footfall.testing.BrowserScript;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;

/**
 * The report pages in Debian's Chromium against a started server, driven by ui/e2e/reports.mjs (the same harness as
 * {@link DashboardBrowserTest}): known traffic sent through /api/send, then the exact numbers on the funnel, retention,
 * journey, goal, UTM, revenue, attribution and breakdown pages; a saved report reopened from its chip and its URL,
 * then deleted. Screenshots land in target/ui-shots/r*.png. Skipped only without node or /usr/bin/chromium.
 */
class ReportPagesBrowserTest {

    @Test
    void everyReportPageShowsTheNumbersOfTheTrafficSent() throws Exception {
        BrowserScript.assumeBrowser();
        try (TestServer server = TestServer.start()) {
            BrowserScript.runAndCheck("e2e/reports.mjs", server, Duration.ofMinutes(3), 25);
        }
    }
}
