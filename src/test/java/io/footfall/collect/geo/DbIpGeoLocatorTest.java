package io.footfall.collect.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs against the real DB-IP files: those in the directory of system property
 * {@code footfall.geo.dir}, else fetched by scripts/fetch-geo.sh into target/geo-test.
 */
class DbIpGeoLocatorTest {

    private static Path dir;
    private static GeoLocator locator;

    @BeforeAll
    static void open() throws Exception {
        Path fetched = io.footfall.testing.GeoTestData.dir();
        dir = fetched != null ? fetched : Path.of("target/geo-test");
        locator = fetched != null ? DbIpGeoLocator.open(dir) : GeoLocator.NONE;
    }

    private static boolean hasFiles(Path d) {
        return Files.isRegularFile(d.resolve(DbIpGeoLocator.IPV4_FILE))
                && Files.isRegularFile(d.resolve(DbIpGeoLocator.IPV6_FILE));
    }

    @AfterAll
    static void close() throws Exception {
        if (locator instanceof AutoCloseable c) {
            c.close();
        }
    }

    private static Location locate(String ip) throws Exception {
        assumeTrue(locator instanceof DbIpGeoLocator,
                "DB-IP files could not be obtained in " + dir.toAbsolutePath() + " (npm unavailable?)");
        return locator.locate(InetAddress.getByName(ip));
    }

    @Test
    void wellKnownIpv4() throws Exception {
        Location google = locate("8.8.8.8");
        assertThat(google.country()).isEqualTo("US");
        assertThat(google.region()).isEqualTo("US-CA");
        assertThat(google.city()).isNotBlank();
        assertThat(locate("1.1.1.1").country()).isEqualTo("AU"); // DB-IP places Cloudflare's resolver in Sydney
        assertThat(locate("193.0.6.139").country()).isEqualTo("NL"); // RIPE NCC, Amsterdam
        assertThat(locate("131.188.0.1")).satisfies(l -> { // FAU Erlangen
            assertThat(l.country()).isEqualTo("DE");
            assertThat(l.region()).isEqualTo("DE-BY");
        });
    }

    @Test
    void wellKnownIpv6() throws Exception {
        assertThat(locate("2607:f8b0:4005:80c::200e").country()).isEqualTo("US"); // Google, Mountain View
        assertThat(locate("2001:67c:2e8:22::c100:68b").country()).isEqualTo("NL"); // RIPE NCC
        assertThat(locate("2001:200::1").country()).isEqualTo("JP"); // WIDE project
    }

    @Test
    void ipv4MappedIpv6IsLookedUpAsIpv4() throws Exception {
        locate("8.8.8.8");
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        mapped[12] = 8;
        mapped[13] = 8;
        mapped[14] = 8;
        mapped[15] = 8;
        var v6 = java.net.Inet6Address.getByAddress(null, mapped, -1);
        assertThat(locator.locate(v6).country()).isEqualTo("US");
    }

    @Test
    void districtSuffixIsDroppedFromCity() {
        assertThat(DbIpGeoLocator.city("Berlin (Charlottenburg-Wilmersdorf)")).isEqualTo("Berlin");
        assertThat(DbIpGeoLocator.city("Mountain View")).isEqualTo("Mountain View");
        assertThat(DbIpGeoLocator.city(" ")).isNull();
    }

    @Test
    void privateAndLocalAreUnknown() throws Exception {
        for (String ip : new String[] {"10.1.2.3", "192.168.0.1", "172.16.5.4", "127.0.0.1", "100.64.0.1",
                "0.0.0.0", "::1", "fe80::1", "fd00::1"}) {
            assertThat(locate(ip)).as(ip).isEqualTo(Location.UNKNOWN);
        }
        assertThat(locator.locate(null)).isEqualTo(Location.UNKNOWN);
    }

    @Test
    void cachedResultIsTheSame() throws Exception {
        assertThat(locate("9.9.9.9")).isSameAs(locate("9.9.9.9"));
    }

    @Test
    void missingDirectoryGivesNone(@TempDir Path empty) {
        assertThat(DbIpGeoLocator.open(empty.resolve("nope"))).isSameAs(GeoLocator.NONE);
        assertThat(DbIpGeoLocator.open(empty)).isSameAs(GeoLocator.NONE);
        assertThat(DbIpGeoLocator.open(null)).isSameAs(GeoLocator.NONE);
        assertThat(GeoLocator.NONE.locate(null)).isEqualTo(Location.UNKNOWN);
    }

    @Test
    void unreadableFilesGiveNone(@TempDir Path junk) throws Exception {
        Files.writeString(junk.resolve(DbIpGeoLocator.IPV4_FILE), "not a database");
        Files.writeString(junk.resolve(DbIpGeoLocator.IPV6_FILE), "not a database");
        assertThat(DbIpGeoLocator.open(junk)).isSameAs(GeoLocator.NONE);
    }

    /**
     * Issue 3: at least 98 % of the DB-IP subdivision names in countries that have ISO 3166-2
     * subdivisions map to a code. The scan of the files (several seconds) is cached in target/ until
     * they change; {@code SubdivisionCoverage.main(dir, "--missing")} lists the names that do not map.
     */
    @Test
    void subdivisionCoverage() throws Exception {
        assumeTrue(locator instanceof DbIpGeoLocator, "DB-IP files could not be obtained in " + dir.toAbsolutePath());
        var pairs = SubdivisionCoverage.scan(dir, Path.of("target", "geo-subdivision-pairs.tsv"));
        var r = SubdivisionCoverage.measure(pairs);
        System.out.print(SubdivisionCoverage.report(r));
        assertThat(r.shareMappable()).as("unmapped: %s", r.missing().keySet()).isGreaterThanOrEqualTo(98.0);
        assertThat(r.share()).isLessThanOrEqualTo(r.shareMappable());
    }
}
