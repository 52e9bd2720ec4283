package io.footfall.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much memory the process may use ({@code MEMORY_LIMIT}) and how it is shared out: the JVM heap
 * (set at JVM start, so the launcher asks {@link #main} for the option), DuckDB's buffer manager and its
 * threads (set when the store opens), and a remainder for what neither limit covers (the JVM's class
 * metadata, compiled code, thread stacks and GC structures; DuckDB's allocations outside its buffers).
 * <p>
 * Unset, the limit is a share of what the process can have: most of a container's memory limit
 * (cgroup v2 {@code memory.max}, v1 {@code memory.limit_in_bytes}) when one is set, else half the
 * machine's memory, leaving room for whatever else runs there.
 */
public record MemoryBudget(long totalBytes, String source, long heapBytes, long duckDbBytes, int duckDbThreads) {
    static final long MIB = 1024 * 1024;
    /**
     * Below this the server does not fit: the User-Agent parser (~90–100 MiB of live heap) needs a 144 MiB heap to
     * collect in, DuckDB 48 MiB to fold its rollups under steady traffic (at 39 MiB a fold ran out after two minutes
     * of the soak), and what neither limit covers takes ~145 MiB.
     */
    static final long MIN_BYTES = 336 * MIB;
    /** The start of the full tier; below it (the small tier) heap and DuckDB get less, and the JIT is C1 only. */
    static final long FULL_BYTES = 512 * MIB;
    static final long MAX_BYTES = 1024L * 1024 * MIB;

    // At the full tier's start: a heap for the User-Agent parser plus room to collect and queue hits; DuckDB's
    // buffer manager; and ~256 MiB that neither limit covers (mapped code of the JVM and DuckDB ~60 MiB, G1's own
    // structures, class metadata, compiled code, thread stacks; DuckDB's allocations outside its buffers;
    // malloc slack), measured in docs/benchmarks.md.
    // Memory above it goes half to DuckDB (its cache makes reads faster), a quarter to each other part.
    static final long FULL_HEAP = 176 * MIB;
    static final long FULL_DUCKDB = 80 * MIB;
    // The small tier, from MIN_BYTES up to FULL_BYTES: at its bottom the least heap and DuckDB that ran the benches
    // and the soak without failures; of each MiB above it heap and DuckDB get 2/11 each (the rest 7/11), so both
    // meet the full tier's 176 / 80 MiB at 512m.
    static final long SMALL_HEAP = 144 * MIB;
    static final long SMALL_DUCKDB = 48 * MIB;
    /** DuckDB keeps per-thread state in every parallel operator, so a small budget gets fewer threads. */
    static final long DUCKDB_BYTES_PER_THREAD = 40 * MIB;
    /** What a collected hit waiting in memory costs, rounded up from ~700 bytes measured (strings, records, boxes). */
    static final long BYTES_PER_QUEUED_HIT = 1024;
    /** What a session the collect path remembers costs: key, visit, attributes and their strings, map entry (~230 B measured). */
    static final long BYTES_PER_SESSION = 320;
    /**
     * What a request in flight costs: its connection's 16 KiB read buffer and writer (~13 KiB measured), its virtual
     * thread's stack (~5 KiB), headers and the request's own objects. Bodies up to MAX_BODY_BYTES and large read results
     * cost more; this is the typical collect or dashboard request.
     */
    static final long BYTES_PER_REQUEST = 24 * 1024;
    /** What a remembered User-Agent costs: the string (up to 2 KiB, ~150 B typical), its result, LRU entry. */
    static final long BYTES_PER_USER_AGENT = 512;
    /**
     * The heap the server keeps live before anything that grows with traffic: the User-Agent parser's rule tables
     * (~100 MiB with yauaa 8.1 and the 4 fields we ask for), classes, Helidon, DuckDB's JDBC objects: 112 MiB live after
     * a full GC (jcmd GC.class_histogram) on a started server at 350m; see docs/benchmarks.md, h26-heap.
     */
    static final long HEAP_BASELINE = 112 * MIB;

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?)(?:i?b)?", Pattern.CASE_INSENSITIVE);

    /** The budget for a limit of {@code totalBytes} on a machine with {@code cores} cores. */
    static MemoryBudget of(long totalBytes, String source, int cores) {
        long heap;
        long duck;
        if (totalBytes < FULL_BYTES) {
            long extra = totalBytes - MIN_BYTES;
            heap = SMALL_HEAP + extra * 2 / 11;
            duck = SMALL_DUCKDB + extra * 2 / 11;
        } else {
            long extra = totalBytes - FULL_BYTES;
            heap = FULL_HEAP + extra / 4;
            duck = FULL_DUCKDB + extra / 2;
        }
        heap = roundToMib(heap);
        duck = roundToMib(duck);
        int threads = (int) Math.max(1, Math.min(cores, duck / DUCKDB_BYTES_PER_THREAD));
        return new MemoryBudget(totalBytes, source, heap, duck, threads);
    }

    /** Reads MEMORY_LIMIT from {@code env}, or sizes the budget from the machine; throws {@link SettingsException} naming the variable. */
    public static MemoryBudget from(Map<String, String> env) {
        int cores = Runtime.getRuntime().availableProcessors();
        String v = env.get("MEMORY_LIMIT");
        if (v != null && !v.isBlank()) return of(parse("MEMORY_LIMIT", v.trim()), "MEMORY_LIMIT", cores);
        long container = containerLimit();
        long machine = machineBytes();
        if (container > 0 && container < machine) {
            return of(Math.max(MIN_BYTES, (long) (container * 0.8)), "80 % of the container's limit", cores);
        }
        return of(Math.max(MIN_BYTES, machine / 2), "half the machine's memory", cores);
    }

    /** Parses {@code 512m}, {@code 1g}, {@code 1GiB}, {@code 800MB} or a number of bytes (k, m, g, t are powers of 1024). */
    static long parse(String name, String v) {
        Matcher m = SIZE.matcher(v);
        if (!m.matches()) {
            throw new SettingsException(name + " must be a size such as 512m or 2g, got '" + v + "'");
        }
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new SettingsException(name + " is too large: " + v);
        }
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        if (n > (MAX_BYTES >> shift)) throw new SettingsException(name + " must be at most 1t, got '" + v + "'");
        long bytes = n << shift;
        if (bytes < MIN_BYTES) {
            throw new SettingsException(name + " must be at least " + MIN_BYTES / MIB + "m (the server does not fit in less), got '" + v + "'");
        }
        return bytes;
    }

    /**
     * JVM options that apply the heap share; the launcher passes them to {@code java} before the server starts.
     * A small initial heap (G1 otherwise commits 1/64 of the machine at start, which shows as RSS on big hosts);
     * compact object headers and string deduplication take ~20 MiB off the User-Agent parser's tables. Under
     * 1 GiB of heap, G1's marking stack starts small (it grows when needed; the default commits ~32 MiB) and
     * compiled code is capped at 64 MiB (~15–25 MiB measured after the benches). Below 512m, C1 only (see below).
     * <p>
     * An OutOfMemoryError ends the process ({@code -XX:+ExitOnOutOfMemoryError}, exit status 3) rather than leave it
     * half alive: thrown in the ingest writer, the shipper or the HTTP listener it kills that thread, and h25-mem's
     * servers then took connections but acknowledged nothing for as long as they ran. Exiting loses nothing
     * acknowledged (a 200 means the hit is fsync'ed in the ingest log, shipped again at the next start) and lets a
     * supervisor (systemd, a container's restart policy) start a clean process. The heap's bounds (below) are what
     * keep it from happening; this is the last resort.
     */
    public List<String> jvmOptions() {
        long initial = Math.min(heapBytes, 64 * MIB);
        var options = new java.util.ArrayList<>(List.of("-Xmx" + heapBytes / MIB + "m", "-Xms" + initial / MIB + "m",
                "-XX:+UseCompactObjectHeaders", "-XX:+UseStringDeduplication", "-XX:+ExitOnOutOfMemoryError"));
        if (heapBytes < 1024 * MIB) options.addAll(List.of("-XX:MarkStackSize=256k", "-XX:ReservedCodeCacheSize=64m"));
        // The small tier compiles with C1 only: C2's arenas (20–35 MiB while it compiles, freed after) set the
        // peak; without them the ingest bench's peak at 350m went from 368–384 to 315–319 MiB.
        if (totalBytes < FULL_BYTES) options.add("-XX:TieredStopAtLevel=1");
        return List.copyOf(options);
    }

    /*
     * What grows with traffic shares the heap above the baseline: a quarter for hits waiting to be shipped, an eighth
     * for hits queued to be written to the log, an eighth for requests in flight, 3/16 for remembered sessions, 1/16
     * for remembered User-Agents; the last quarter is room for read results and for the collector to work in (h25-mem's
     * servers ran out of heap with ~850 requests in flight, ~20 MiB of connection buffers and stacks, none of them bounded).
     * Each is a hard bound: past it collect answers 503 (hits, requests) or forgets (caches); the heap does not grow.
     */

    /** The heap above the baseline (at least 16 MiB, so that the bounds below stay usable at the smallest limit). */
    long heapAboveBaseline() {
        return Math.max(16 * MIB, heapBytes - HEAP_BASELINE);
    }

    /** How many hits may wait in the ingest log's memory for the store: a quarter of the heap above its baseline. */
    public int maxUnshippedHits() {
        return (int) Math.clamp(heapAboveBaseline() / 4 / BYTES_PER_QUEUED_HIT, 2_000, 100_000);
    }

    /** The default INGEST_QUEUE_CAPACITY (hits queued or being written): an eighth of the heap above its baseline. */
    public int defaultIngestQueueCapacity() {
        return (int) Math.clamp(heapAboveBaseline() / 8 / BYTES_PER_QUEUED_HIT, 500, 50_000);
    }

    /** How many sessions the collect path remembers (visit and attributes): 3/16 of the heap above its baseline. */
    public int maxTrackedSessions() {
        return (int) Math.clamp(heapAboveBaseline() * 3 / 16 / BYTES_PER_SESSION, 10_000, 1_000_000);
    }

    /**
     * The default MAX_CONCURRENT_REQUESTS: requests handled at once (an eighth of the heap above its baseline); the
     * next one is answered 503 at once and its connection closed. Requests a client gave up on still count until the
     * server is done with them, which is what piled up under overload.
     */
    public int defaultMaxConcurrentRequests() {
        return (int) Math.clamp(heapAboveBaseline() / 8 / BYTES_PER_REQUEST, 64, 10_000);
    }

    /** How many distinct User-Agents keep their parsed result: a sixteenth of the heap above its baseline. */
    public int userAgentCacheEntries() {
        return (int) Math.clamp(heapAboveBaseline() / 16 / BYTES_PER_USER_AGENT, 1_000, 50_000);
    }

    /** DuckDB's {@code memory_limit} value. */
    public String duckDbMemoryLimit() {
        return duckDbBytes / MIB + "MiB";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "memory %d MiB (%s): heap %d MiB, DuckDB %d MiB with %d threads",
                totalBytes / MIB, source, heapBytes / MIB, duckDbBytes / MIB, duckDbThreads);
    }

    private static long roundToMib(long bytes) {
        return bytes / MIB * MIB;
    }

    /** The cgroup memory limit of this process's container, or 0 when there is none (or it is "max"). */
    static long containerLimit() {
        for (Path p : List.of(Path.of("/sys/fs/cgroup/memory.max"), Path.of("/sys/fs/cgroup/memory/memory.limit_in_bytes"))) {
            try {
                String s = Files.readString(p).trim();
                if (s.matches("\\d+")) return Long.parseLong(s); // v1 writes a huge number for "no limit"
                if (s.equals("max")) return 0;
            } catch (IOException | RuntimeException e) {
                // not this cgroup version, or not Linux
            }
        }
        return 0;
    }

    /** Physical memory of the machine (/proc/meminfo shows the host's even in a container: see {@link #containerLimit}). */
    static long machineBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: ask the JVM
        }
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) return sun.getTotalMemorySize();
        return 2048 * MIB;
    }

    /**
     * For the launcher: prints the JVM options for MEMORY_LIMIT (or the machine's default) on one line,
     * or the error naming the variable on stderr with exit status 2.
     */
    public static void main(String[] args) {
        try {
            System.out.println(String.join(" ", from(System.getenv()).jvmOptions()));
        } catch (SettingsException e) {
            System.err.println("footfall: invalid setting: " + e.getMessage());
            System.exit(2);
        }
    }
}
