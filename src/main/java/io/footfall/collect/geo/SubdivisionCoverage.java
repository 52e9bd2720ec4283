package io.footfall.collect.geo;

import com.maxmind.db.CHMCache;
import com.maxmind.db.MaxMindDbConstructor;
import com.maxmind.db.MaxMindDbParameter;
import com.maxmind.db.Reader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Measures how many distinct (country, subdivision name) pairs of the DB-IP files map to an ISO
 * 3166-2 code. {@code java ... io.footfall.collect.geo.SubdivisionCoverage MMDB_DIR [--missing]}
 *
 * <p>Two shares are reported. <em>Overall</em> counts every pair. <em>Mappable</em> leaves out the
 * pairs in {@link #NO_ISO_SUBDIVISIONS}: the goal (at least 98 %) applies to that share.
 */
public final class SubdivisionCoverage {

    /**
     * Countries and territories that have no ISO 3166-2 subdivisions (or no ISO code at all).
     *
     * <p>Policy: their region is null, by design. Most are ISO 3166-1 countries in their own right
     * (PR, HK, MO, IM, GG, JE, BM, GU, YT, RE, ...), so the country field already names the place
     * and there is no finer ISO code. Some of them are also listed as subdivisions of another
     * country (US-PR, CN-HK, FR-976, ...), but that code is not used: a region must be a
     * subdivision of the location's own country. DB-IP still writes a name for them (usually the
     * territory's or one of its parishes), so these pairs are counted overall but not in the
     * mappable share.
     */
    static final Set<String> NO_ISO_SUBDIVISIONS = Set.of(
            "AI", "AQ", "AS", "AW", "AX", "BL", "BM", "BV", "CC", "CK", "CW", "CX", "EH", "FK", "FO", "GF",
            "GG", "GI", "GP", "GS", "GU", "HK", "HM", "IM", "IO", "JE", "KY", "MF", "MO", "MP", "MQ", "MS",
            "NC", "NF", "NU", "PF", "PM", "PN", "PR", "RE", "SJ", "SX", "TC", "TF", "TK", "VA", "VG", "VI",
            "XK", "YT");

    private static final String CACHE_HEADER = "# subdivision pairs of ";

    public record Pair(String country, String state1) {
        @MaxMindDbConstructor
        public Pair(@MaxMindDbParameter(name = "country_code") String country,
                    @MaxMindDbParameter(name = "state1") String state1) {
            this.country = country;
            this.state1 = state1;
        }
    }

    /**
     * @param pairs distinct (country, name) pairs; {@code mapped} of them map
     * @param mappablePairs pairs outside {@link #NO_ISO_SUBDIVISIONS}; {@code mappableMapped} of them map
     * @param mappableNetworks networks with a mappable pair; {@code mappedNetworks} of them map
     * @param missing unmapped mappable pairs ({@code country \t name}) with their number of networks
     */
    public record Result(int pairs, int mapped, int mappablePairs, int mappableMapped,
                         long mappableNetworks, long mappedNetworks, Map<String, Long> missing) {
        /** Share of all pairs that map, in percent. */
        public double share() {
            return percent(mapped, pairs);
        }

        /** Share of mappable pairs that map, in percent: the figure the goal is about. */
        public double shareMappable() {
            return percent(mappableMapped, mappablePairs);
        }

        /** Share of networks with a mappable pair whose pair maps, in percent. */
        public double shareNetworks() {
            return percent(mappedNetworks, mappableNetworks);
        }

        private static double percent(long part, long whole) {
            return whole == 0 ? 0 : 100.0 * part / whole;
        }
    }

    /** Scans both DB-IP files (in parallel) for their (country \t name) pairs with network counts. */
    public static Map<String, Long> scan(Path dir) {
        List<CompletableFuture<Map<String, Long>>> scans = new ArrayList<>();
        for (String f : new String[] {DbIpGeoLocator.IPV4_FILE, DbIpGeoLocator.IPV6_FILE}) {
            scans.add(CompletableFuture.supplyAsync(() -> scanFile(dir.resolve(f))));
        }
        Map<String, Long> counts = new TreeMap<>();
        try {
            for (var s : scans) {
                s.join().forEach((k, v) -> counts.merge(k, v, Long::sum));
            }
        } catch (CompletionException e) {
            throw e.getCause() instanceof UncheckedIOException u ? u : e;
        }
        return counts;
    }

    private static Map<String, Long> scanFile(Path file) {
        Map<String, Long> counts = new TreeMap<>();
        // Networks share few data records: the cache decodes each record once (3x faster).
        try (Reader r = new Reader(file.toFile(), Reader.FileMode.MEMORY_MAPPED, new CHMCache(1 << 16))) {
            var it = r.networks(Pair.class);
            while (it.hasNext()) {
                Pair p = it.next().getData();
                if (p.country() != null && p.state1() != null && !p.state1().isBlank()) {
                    counts.merge(p.country() + '\t' + p.state1(), 1L, Long::sum);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (com.maxmind.db.InvalidNetworkException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /**
     * {@link #scan(Path)}, kept in {@code cacheFile} until the DB-IP files change (their sizes and
     * modification times are the cache key). Scanning takes several seconds; reading the cache, a
     * few milliseconds.
     */
    public static Map<String, Long> scan(Path dir, Path cacheFile) throws IOException {
        String key = CACHE_HEADER + cacheKey(dir);
        if (Files.isRegularFile(cacheFile)) {
            List<String> lines = Files.readAllLines(cacheFile, StandardCharsets.UTF_8);
            if (!lines.isEmpty() && lines.getFirst().equals(key)) {
                Map<String, Long> counts = new TreeMap<>();
                for (String line : lines.subList(1, lines.size())) {
                    int tab = line.lastIndexOf('\t');
                    counts.put(line.substring(0, tab), Long.parseLong(line.substring(tab + 1)));
                }
                return counts;
            }
        }
        Map<String, Long> counts = scan(dir);
        StringBuilder out = new StringBuilder(key).append('\n');
        counts.forEach((k, v) -> out.append(k).append('\t').append(v).append('\n'));
        Path tmp = cacheFile.resolveSibling(cacheFile.getFileName() + ".part");
        Files.writeString(tmp, out, StandardCharsets.UTF_8);
        Files.move(tmp, cacheFile, StandardCopyOption.REPLACE_EXISTING);
        return counts;
    }

    private static String cacheKey(Path dir) throws IOException {
        StringBuilder key = new StringBuilder();
        for (String f : new String[] {DbIpGeoLocator.IPV4_FILE, DbIpGeoLocator.IPV6_FILE}) {
            Path p = dir.resolve(f).toAbsolutePath();
            key.append(p).append(' ').append(Files.size(p)).append(' ')
                    .append(Files.getLastModifiedTime(p).toMillis()).append(' ');
        }
        return key.toString().trim();
    }

    public static Result measure(Path dir) {
        return measure(scan(dir));
    }

    /** Coverage of {@code pairs} ({@code country \t name} to number of networks) by the shipped table. */
    public static Result measure(Map<String, Long> pairs) {
        SubdivisionCodes codes = SubdivisionCodes.instance();
        int mapped = 0;
        int mappable = 0;
        int mappableMapped = 0;
        long networks = 0;
        long mappedNetworks = 0;
        Map<String, Long> missing = new TreeMap<>();
        for (var e : pairs.entrySet()) {
            String[] k = e.getKey().split("\t", 2);
            boolean ok = codes.code(k[0], k[1]) != null;
            if (ok) {
                mapped++;
            }
            if (NO_ISO_SUBDIVISIONS.contains(k[0])) {
                continue;
            }
            mappable++;
            networks += e.getValue();
            if (ok) {
                mappableMapped++;
                mappedNetworks += e.getValue();
            } else {
                missing.put(e.getKey(), e.getValue());
            }
        }
        return new Result(pairs.size(), mapped, mappable, mappableMapped, networks, mappedNetworks, missing);
    }

    /** The report printed by {@link #main}. */
    public static String report(Result r) {
        return String.format("""
                DB-IP subdivision names mapped to ISO 3166-2 codes:
                  overall:  %d of %d distinct (country, name) pairs = %.2f %%
                  mappable: %d of %d pairs = %.2f %% (goal >= 98 %%); %d of %d networks = %.2f %%
                  (%d pairs are in territories without ISO 3166-2 subdivisions, e.g. PR, HK, IM: region null by design)
                """, r.mapped(), r.pairs(), r.share(),
                r.mappableMapped(), r.mappablePairs(), r.shareMappable(),
                r.mappedNetworks(), r.mappableNetworks(), r.shareNetworks(),
                r.pairs() - r.mappablePairs());
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: SubdivisionCoverage MMDB_DIR [--missing]");
            System.exit(2);
        }
        Result r = measure(Path.of(args[0]));
        System.out.print(report(r));
        if (args.length > 1 && args[1].equals("--missing")) {
            System.out.println("unmapped mappable pairs (country, name, networks):");
            r.missing().forEach((k, v) -> System.out.println(k + "\t" + v));
        }
    }
}
