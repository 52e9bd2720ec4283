package io.footfall;

import io.footfall.config.Settings;
import io.footfall.store.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line ({@code java io.footfall.Footfall serve|compact}, as ./footfall runs it) in a process of its own:
 * both commands refuse an invalid setting the same way (status 2, the variable named), compact refuses another
 * backend, and compacts a stopped embedded store.
 */
class FootfallCommandTest {
    record Run(int status, String output) {
    }

    @Test
    void anInvalidSettingEndsEitherCommandWithStatusTwo(@TempDir Path dir) throws Exception {
        for (String command : List.of("serve", "compact")) {
            Run run = run(command, Map.of("DATA_DIR", dir.toString(), "PORT", "nope"));
            assertThat(run.status()).as(command).isEqualTo(2);
            assertThat(run.output()).as(command).startsWith("footfall: invalid setting: PORT");
        }
    }

    @Test
    void compactRefusesAnotherBackend(@TempDir Path dir) throws Exception {
        Run run = run("compact", Map.of("DATA_DIR", dir.toString(), "DATABASE_URL", "postgresql://u:p@127.0.0.1:9/none"));
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.output()).isEqualTo("footfall: compact works on the embedded DuckDB store only (DATABASE_URL names another backend)\n");
    }

    @Test
    void serveRefusesADatabaseUrlOfNoKnownBackend(@TempDir Path dir) throws Exception {
        Run run = run("serve", Map.of("DATA_DIR", dir.toString(), "DATABASE_URL", "mysql://u:secret@127.0.0.1/db"));
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.output()).startsWith("footfall: invalid setting: DATABASE_URL: expected postgresql://")
                .contains("got 'mysql://***@127.0.0.1/db'");
    }

    @Test
    void compactRewritesAStoppedStore(@TempDir Path dir) throws Exception {
        Path named = dir.resolve("elsewhere.duckdb");
        for (Map<String, String> env : List.of(Map.of("DATA_DIR", dir.toString()),
                Map.of("DATA_DIR", dir.toString(), "DATABASE_URL", "duckdb:" + named))) {
            try (Stores stores = StoreChoice.open(Settings.from(env))) {
                assertThat(stores.backend()).isEqualTo("duckdb");
            }
            Path file = env.containsKey("DATABASE_URL") ? named : dir.resolve("footfall.duckdb");
            Run run = run("compact", env);
            assertThat(run.status()).as(run.output()).isZero();
            assertThat(run.output()).startsWith("Compacting " + file.toAbsolutePath() + " ...\nCompacted in ")
                    .contains("counts checked");
        }
    }

    private static Run run(String command, Map<String, String> env) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-cp", System.getProperty("java.class.path"), "io.footfall.Footfall", command));
        Path out = Files.createTempFile("footfall-command", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().keySet().removeIf(k -> !k.equals("PATH") && !k.equals("HOME"));
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not end: " + Files.readString(out));
            }
            return new Run(p.exitValue(), Files.readString(out).replaceAll("(?m)^WARNING: .*\\n", ""));
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
