package io.footfall.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.footfall.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The report pages in Debian's Chromium against a started server, driven by ui/e2e/reports.mjs (the same harness as
 * {@link DashboardBrowserTest}): known traffic sent through /api/send, then the exact numbers on the funnel, retention,
 * journey, goal, UTM, revenue, attribution and breakdown pages; a saved report reopened from its chip and its URL,
 * then deleted. Screenshots land in target/ui-shots/r*.png. Skipped only without node or /usr/bin/chromium.
 */
class ReportPagesBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path UI_DIR = Path.of("ui").toAbsolutePath();

    @Test
    void everyReportPageShowsTheNumbersOfTheTrafficSent() throws Exception {
        assumeThat(commandWorks(UI_DIR, "node", "--version")).as("node is not installed").isTrue();
        assumeThat(Files.isExecutable(CHROMIUM)).as("/usr/bin/chromium is not installed").isTrue();
        assertThat(Files.isDirectory(UI_DIR.resolve("node_modules/playwright-core"))).as("ui/node_modules (npm ci in ui/)").isTrue();

        try (TestServer server = TestServer.start()) {
            Path out = Files.createTempFile("reports-e2e", ".json");
            Path shots = Path.of("target", "ui-shots").toAbsolutePath();
            Process process = new ProcessBuilder("node", "e2e/reports.mjs", "--base", server.baseUrl(), "--shots", shots.toString())
                    .directory(UI_DIR.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("ui/e2e/reports.mjs did not finish in 3 minutes");
            }
            String json = Files.readString(out, StandardCharsets.UTF_8).strip();
            Files.deleteIfExists(out);
            assertThat(json).as("e2e summary (exit code %d)", process.exitValue()).startsWith("{");
            JsonNode summary = new ObjectMapper().readTree(json);
            List<String> problems = new ArrayList<>();
            summary.get("problems").forEach(p -> problems.add(p.asText()));
            assertThat(problems).isEmpty();
            assertThat(summary.get("checks").asInt()).isGreaterThanOrEqualTo(25);
        }
    }

    private static boolean commandWorks(Path dir, String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(1, TimeUnit.MINUTES) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
