package io.footfall;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packages of the compiled classes form no cycle (issue 16): a store never names its accelerator (the accelerator
 * gets the store's hooks from the composition root), the query seam never names an accelerator, and only the
 * composition root ({@code io.footfall}) knows every backend. Reads the class files themselves, so a dependency
 * written as a fully qualified name counts as much as an import.
 */
class PackageCyclesTest {
    private static final Pattern DESCRIBED = Pattern.compile("L(io/footfall/[\\w/$]+);");

    @Test
    void noPackageDependsOnItselfThroughOthers() throws Exception {
        Map<String, Map<String, Set<String>>> graph = packageGraph();
        assertThat(graph).containsKeys("io.footfall.store.duckdb", "io.footfall.accelerate.duckdb", "io.footfall.query");
        assertThat(cycles(graph)).as("package cycles (each with the class dependencies that close it)").isEmpty();
    }

    @Test
    void theDuckDbStoreNeverNamesItsAccelerator() throws Exception {
        Map<String, Set<String>> out = packageGraph().get("io.footfall.store.duckdb");
        assertThat(out.keySet()).noneMatch(p -> p.startsWith("io.footfall.accelerate"));
    }

    /**
     * The reports get their rollup pieces passed in (ReportAccelerator): no report package (Umami's reports, TinyTrail's)
     * names an accelerator.
     */
    @Test
    void noReportPackageNamesAnAccelerator() throws Exception {
        Map<String, Map<String, Set<String>>> graph = packageGraph();
        assertThat(graph).containsKeys("io.footfall.report", "io.footfall.tinytrail.report");
        graph.forEach((from, out) -> {
            if (isReportPackage(from, "io.footfall.report") || isReportPackage(from, "io.footfall.tinytrail.report")) {
                out.forEach((to, why) -> assertThat(to).as(from + ": " + why).doesNotStartWith("io.footfall.accelerate"));
            }
        });
    }

    private static boolean isReportPackage(String pkg, String root) {
        return pkg.equals(root) || pkg.startsWith(root + ".");
    }

    /** Packages whose classes may run SQL through {@code EventStore.read}/{@code readTogether}: the readers behind the query seam. */
    private static final List<String> READERS = List.of("io.footfall.query", "io.footfall.accelerate.", "io.footfall.report",
            "io.footfall.tinytrail.report", "io.footfall.bench", "io.footfall.store");

    /** No JDBC connection crosses the query seam: only the readers behind it call EventStore.read (not http, collect, manage…). */
    @Test
    void onlyTheReadersBehindTheQuerySeamReadTheEventStore() throws Exception {
        Map<String, Set<String>> callers = new TreeMap<>();
        Path classes = Path.of(Footfall.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                ClassModel model = ClassFile.of().parse(Files.readAllBytes(file));
                for (PoolEntry entry : model.constantPool()) {
                    if (entry instanceof java.lang.classfile.constantpool.MemberRefEntry m
                            && m.owner().asInternalName().startsWith("io/footfall/store/")
                            && m.owner().asInternalName().endsWith("EventStore")
                            && (m.name().equalsString("read") || m.name().equalsString("readTogether"))) {
                        String from = topLevel(model.thisClass().asInternalName());
                        callers.computeIfAbsent(packageOf(from), p -> new TreeSet<>()).add(simple(from));
                    }
                }
            }
        }
        assertThat(callers).containsKeys("io.footfall.query.reference", "io.footfall.accelerate.duckdb", "io.footfall.report");
        callers.forEach((pkg, classNames) -> assertThat(READERS).as(pkg + ": " + classNames)
                .anyMatch(r -> r.endsWith(".") ? pkg.startsWith(r) : pkg.equals(r) || pkg.startsWith(r + ".")));
    }

    /** No store package names an accelerator: each gets its rollup hooks (RollupMaintenance, PostgresRollups) passed in. */
    @Test
    void noStorePackageNamesAnAccelerator() throws Exception {
        Map<String, Map<String, Set<String>>> graph = packageGraph();
        assertThat(graph).containsKeys("io.footfall.store.postgres");
        graph.forEach((from, out) -> {
            if (from.equals("io.footfall.store") || from.startsWith("io.footfall.store.")) {
                out.forEach((to, why) -> assertThat(to).as(from + ": " + why).doesNotStartWith("io.footfall.accelerate"));
            }
        });
    }

    /** Package → package it uses → the class dependencies behind that (for the failure message). */
    private static Map<String, Map<String, Set<String>>> packageGraph() throws IOException, URISyntaxException {
        Path classes = Path.of(Footfall.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                ClassModel model = ClassFile.of().parse(Files.readAllBytes(file));
                String from = topLevel(model.thisClass().asInternalName());
                for (String to : referenced(model)) {
                    if (packageOf(from).equals(packageOf(to))) continue;
                    graph.computeIfAbsent(packageOf(from), p -> new TreeMap<>())
                            .computeIfAbsent(packageOf(to), p -> new TreeSet<>()).add(simple(from) + " -> " + simple(to));
                }
                graph.computeIfAbsent(packageOf(from), p -> new TreeMap<>());
            }
        }
        return graph;
    }

    /** Every io.footfall class a class file names: class entries, and the types in its descriptors and signatures. */
    private static Set<String> referenced(ClassModel model) {
        Set<String> out = new TreeSet<>();
        for (PoolEntry entry : model.constantPool()) {
            if (entry instanceof ClassEntry c) {
                String name = c.asInternalName().replaceFirst("^\\[+L?", "").replaceFirst(";$", "");
                if (name.startsWith("io/footfall/")) out.add(topLevel(name));
            } else if (entry instanceof Utf8Entry u) {
                Matcher m = DESCRIBED.matcher(u.stringValue());
                while (m.find()) out.add(topLevel(m.group(1)));
            }
        }
        return out;
    }

    /** The strongly connected groups of more than one package (Tarjan), each listed with its edges inside the group. */
    private static List<String> cycles(Map<String, Map<String, Set<String>>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<String> found = new ArrayList<>();
        for (String p : graph.keySet()) {
            if (!index.containsKey(p)) connect(p, graph, index, low, stack, found);
        }
        return found;
    }

    private static void connect(String p, Map<String, Map<String, Set<String>>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, List<String> found) {
        index.put(p, index.size());
        low.put(p, index.get(p));
        stack.push(p);
        for (String q : graph.getOrDefault(p, Map.of()).keySet()) {
            if (!index.containsKey(q)) {
                connect(q, graph, index, low, stack, found);
                low.put(p, Math.min(low.get(p), low.get(q)));
            } else if (stack.contains(q)) {
                low.put(p, Math.min(low.get(p), index.get(q)));
            }
        }
        if (!low.get(p).equals(index.get(p))) return;
        Set<String> group = new TreeSet<>();
        String q;
        do {
            q = stack.pop();
            group.add(q);
        } while (!q.equals(p));
        if (group.size() == 1) return;
        StringBuilder text = new StringBuilder(String.join(" <-> ", group));
        for (String a : group) {
            graph.get(a).forEach((b, why) -> {
                if (group.contains(b)) text.append("\n  ").append(a).append(" -> ").append(b).append(": ").append(why);
            });
        }
        found.add(text.toString());
    }

    private static String topLevel(String internalName) {
        int nested = internalName.indexOf('$');
        return (nested < 0 ? internalName : internalName.substring(0, nested)).replace('/', '.');
    }

    private static String packageOf(String className) {
        return className.substring(0, className.lastIndexOf('.'));
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
