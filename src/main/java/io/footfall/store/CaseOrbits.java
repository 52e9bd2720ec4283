package io.footfall.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The characters RE2 treats as one under case-insensitive matching (Unicode's simple case folding): {@code k},
 * {@code K} and the Kelvin sign; {@code σ}, {@code ς} and {@code Σ}. Built from Java's case mappings: two characters
 * fold together when the lower case of their upper case is the same, except the dotted and dotless i
 * ({@code İ ı}), which simple folding leaves alone.
 */
final class CaseOrbits {
    /** Every character with company → its orbit, sorted, itself included. */
    private static final Map<Integer, int[]> ORBITS = build();

    private CaseOrbits() {
    }

    /** The character's orbit (itself included, sorted), or null when it folds with nothing. */
    static int[] of(int c) {
        return ORBITS.get(c);
    }

    /** Ranges of code points with every orbit of their members added, sorted and merged. */
    static int[][] folded(int[][] ranges) {
        int[][] sorted = merged(List.of(ranges));
        List<int[]> all = new ArrayList<>(List.of(sorted));
        for (var e : ORBITS.entrySet()) {
            if (!contains(sorted, e.getKey())) continue;
            for (int o : e.getValue()) all.add(new int[] {o, o});
        }
        return merged(all);
    }

    /** The ranges sorted, overlapping and touching ones joined. */
    static int[][] merged(List<int[]> ranges) {
        List<int[]> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingInt(r -> r[0]));
        List<int[]> out = new ArrayList<>();
        for (int[] r : sorted) {
            if (!out.isEmpty() && r[0] <= out.getLast()[1] + 1) {
                out.getLast()[1] = Math.max(out.getLast()[1], r[1]);
            } else {
                out.add(new int[] {r[0], r[1]});
            }
        }
        return out.toArray(int[][]::new);
    }

    private static boolean contains(int[][] sorted, int c) {
        int at = Arrays.binarySearch(sorted, new int[] {c, c}, Comparator.comparingInt(r -> r[0]));
        if (at >= 0) return true;
        int before = -at - 2;
        return before >= 0 && sorted[before][1] >= c;
    }

    private static Map<Integer, int[]> build() {
        Map<Integer, Set<Integer>> byKey = new HashMap<>();
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (c == 0x130 || c == 0x131) continue;
            int key = Character.toLowerCase(Character.toUpperCase(c));
            if (key == c) continue;
            Set<Integer> orbit = byKey.computeIfAbsent(key, k -> new TreeSet<>(List.of(k)));
            orbit.add(c);
        }
        Map<Integer, int[]> out = new HashMap<>();
        for (Set<Integer> orbit : byKey.values()) {
            int[] members = orbit.stream().mapToInt(Integer::intValue).toArray();
            for (int m : members) out.put(m, members);
        }
        return Map.copyOf(out);
    }
}
