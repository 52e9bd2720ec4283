package io.footfall.compat;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Node.js scripts from src/test/node, installing its npm packages on first use. */
final class NodeTool {
    static final Path DIR = Path.of("src/test/node").toAbsolutePath();

    private NodeTool() {
    }

    static void requireNodeAndPackages() throws Exception {
        Assumptions.assumeTrue(onPath("node") && onPath("npm"), "node/npm not installed; .ci/run installs them");
        if (!Files.isDirectory(DIR.resolve("node_modules/@umami/node")) || !Files.isDirectory(DIR.resolve("node_modules/@umami/api-client"))) {
            Result r = run(List.of("npm", "install", "--no-audit", "--no-fund"), 180);
            if (r.exit != 0) throw new IllegalStateException("npm install failed: " + r.output);
        }
    }

    record Result(int exit, String output) {
    }

    static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static Result node(String script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("node", script));
        cmd.addAll(List.of(args));
        return run(cmd, 120);
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }
}
