package io.footfall.collect.geo;

import com.maxmind.db.MaxMindDbConstructor;
import com.maxmind.db.MaxMindDbParameter;
import com.maxmind.db.Reader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Measures how many distinct (country, subdivision name) pairs of the DB-IP files map to an ISO
 * 3166-2 code. {@code java ... io.footfall.collect.geo.SubdivisionCoverage MMDB_DIR [--missing]}
 */
public final class SubdivisionCoverage {

    /** Countries and territories that have no ISO 3166-2 subdivisions (or no ISO code at all). */
    static final Set<String> NO_ISO_SUBDIVISIONS = Set.of(
            "AI", "AQ", "AS", "AW", "AX", "BL", "BM", "BV", "CC", "CK", "CW", "CX", "EH", "FK", "FO", "GF",
            "GG", "GI", "GP", "GS", "GU", "HK", "HM", "IM", "IO", "JE", "KY", "MF", "MO", "MP", "MQ", "MS",
            "NC", "NF", "NU", "PF", "PM", "PN", "PR", "RE", "SJ", "SX", "TC", "TF", "TK", "VA", "VG", "VI",
            "XK", "YT");

    public record Pair(String country, String state1) {
        @MaxMindDbConstructor
        public Pair(@MaxMindDbParameter(name = "country_code") String country,
                    @MaxMindDbParameter(name = "state1") String state1) {
            this.country = country;
            this.state1 = state1;
        }
    }

    public record Result(int pairs, int mapped, int pairsWithIso, int mappedWithIso, Map<String, Integer> missing) {
        public double share() {
            return pairs == 0 ? 0 : 100.0 * mapped / pairs;
        }

        public double shareWithIso() {
            return pairsWithIso == 0 ? 0 : 100.0 * mappedWithIso / pairsWithIso;
        }
    }

    public static Result measure(Path dir) throws IOException, com.maxmind.db.InvalidNetworkException {
        Map<String, Integer> counts = new TreeMap<>();
        for (String f : new String[] {DbIpGeoLocator.IPV4_FILE, DbIpGeoLocator.IPV6_FILE}) {
            try (Reader r = new Reader(new File(dir.toFile(), f))) {
                var it = r.networks(Pair.class);
                while (it.hasNext()) {
                    Pair p = it.next().getData();
                    if (p.country() != null && p.state1() != null && !p.state1().isBlank()) {
                        counts.merge(p.country() + '\t' + p.state1(), 1, Integer::sum);
                    }
                }
            }
        }
        SubdivisionCodes codes = SubdivisionCodes.instance();
        int mapped = 0;
        int withIso = 0;
        int mappedWithIso = 0;
        Map<String, Integer> missing = new TreeMap<>();
        for (var e : counts.entrySet()) {
            String[] k = e.getKey().split("\t", 2);
            boolean iso = !NO_ISO_SUBDIVISIONS.contains(k[0]);
            boolean ok = codes.code(k[0], k[1]) != null;
            if (iso) {
                withIso++;
            }
            if (ok) {
                mapped++;
                if (iso) {
                    mappedWithIso++;
                }
            } else if (iso) {
                missing.put(e.getKey(), e.getValue());
            }
        }
        return new Result(counts.size(), mapped, withIso, mappedWithIso, missing);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: SubdivisionCoverage MMDB_DIR [--missing]");
            System.exit(2);
        }
        Result r = measure(Path.of(args[0]));
        System.out.printf("distinct (country, subdivision) pairs: %d, mapped: %d = %.2f %%%n", r.pairs(), r.mapped(), r.share());
        System.out.printf("in countries with ISO 3166-2 subdivisions: %d, mapped: %d = %.2f %%%n",
                r.pairsWithIso(), r.mappedWithIso(), r.shareWithIso());
        if (args.length > 1 && args[1].equals("--missing")) {
            r.missing().forEach((k, v) -> System.out.println(k + "\t" + v));
        }
    }
}
