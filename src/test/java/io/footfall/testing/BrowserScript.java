package io.footfall.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Runs one of the dashboard's browser scripts ({@code ui/e2e/*.mjs}, playwright-core driving Debian's Chromium)
 * against a started server and checks the summary it prints: {@code {"checks": n, "problems": [...]}}.
 * Screenshots land in target/ui-shots/. Tests using it are skipped only without node or /usr/bin/chromium.
 */
public final class BrowserScript {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path UI_DIR = Path.of("ui").toAbsolutePath();

    private BrowserScript() {
    }

    /** Skips the calling test without node or Chromium; fails it when ui/node_modules is missing. */
    public static void assumeBrowser() {
        assumeThat(commandWorks(UI_DIR, "node", "--version")).as("node is not installed").isTrue();
        assumeThat(Files.isExecutable(CHROMIUM)).as("/usr/bin/chromium is not installed").isTrue();
        assertThat(Files.isDirectory(UI_DIR.resolve("node_modules/playwright-core"))).as("ui/node_modules (npm ci in ui/)").isTrue();
    }

    /**
     * Runs {@code ui/<script>} with {@code --base} the server's URL, waits at most {@code timeout}, and asserts that
     * it reported no problems and at least {@code minChecks} checks.
     */
    public static void runAndCheck(String script, TestServer server, Duration timeout, int minChecks) throws IOException, InterruptedException {
        Path out = Files.createTempFile("ui-e2e", ".json");
        Path shots = Path.of("target", "ui-shots").toAbsolutePath();
        Process process = new ProcessBuilder("node", script, "--base", server.baseUrl(), "--shots", shots.toString())
                .directory(UI_DIR.toFile())
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("ui/" + script + " did not finish in " + timeout);
        }
        String json = Files.readString(out, StandardCharsets.UTF_8).strip();
        Files.deleteIfExists(out);
        assertThat(json).as("e2e summary (exit code %d)", process.exitValue()).startsWith("{");
        JsonNode summary = new ObjectMapper().readTree(json);
        List<String> problems = new ArrayList<>();
        summary.get("problems").forEach(p -> problems.add(p.asText()));
        assertThat(problems).isEmpty();
        assertThat(summary.get("checks").asInt()).isGreaterThanOrEqualTo(minChecks);
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
