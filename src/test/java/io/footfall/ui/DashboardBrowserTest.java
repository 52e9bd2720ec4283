package io.footfall.ui;

import io.footfall.testing.BrowserScript;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;

/**
 * The dashboard in Debian's Chromium against a started server, driven by ui/e2e/run.mjs: log in, add a
 * website, send known traffic through /api/send, read the exact numbers on the overview, filter by
 * clicking a row, change the range, open a session profile, watch realtime pick up a new hit, change
 * the password and log out. Screenshots land in target/ui-shots/. Skipped only without node or
 * /usr/bin/chromium (CI installs both).
 */
class DashboardBrowserTest {

    @Test
    void aPersonCanDoTheirDailyRoundInTheBrowser() throws Exception {
        BrowserScript.assumeBrowser();
        try (TestServer server = TestServer.start()) {
            // a loaded 2-core machine needs ~4 min
            BrowserScript.runAndCheck("e2e/run.mjs", server, Duration.ofMinutes(6), 30);
        }
    }
}
