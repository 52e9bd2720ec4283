package io.footfall.store.wal;

import io.footfall.event.CollectedHit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * An append-only, fsync'ed log of collected hits in numbered segment files ({@code <firstSeq>.hits}).
 * A record is {@code [int length][int crc32c][long seq][hit]}; a torn or corrupt tail (a crash mid-write)
 * ends reading of that segment. {@code shipped.seq} records durably how far the store has everything,
 * so a restart re-ships only what came after it (never hits a website reset has since removed).
 * <p>
 * Segments are small ({@link #SEGMENT_BYTES}) and a new one starts as soon as the current one is full,
 * whether or not shipping has caught up; a segment is deleted once everything in it has been shipped
 * (after the checkpoint naming it is on disk). So under non-stop traffic the log holds what is not
 * shipped yet plus at most one segment of shipped records, instead of growing until traffic pauses.
 */
final class HitLog implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HitLog.class.getName());
    /** Small enough that shipped records leave the disk soon, large enough that rotating is rare (~16 k hits). */
    static final long SEGMENT_BYTES = 4L * 1024 * 1024;
    private static final int MAX_RECORD = 1 << 20;
    private static final String CHECKPOINT = "shipped.seq";

    private final Path dir;
    private final long segmentBytes;
    /** firstSeq → segment path, for every segment on disk (the last one is being written). */
    private final TreeMap<Long, Path> segments = new TreeMap<>();
    private FileChannel current;
    private long nextSeq;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * 1024);
    private final ByteArrayOutputStream record = new ByteArrayOutputStream(1024);
    private final CRC32C crc = new CRC32C();

    private HitLog(Path dir, long segmentBytes) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
    }

    /** What a previous run left unshipped, and the log to continue with. */
    record Opened(HitLog log, List<CollectedHit> recovered) {
    }

    static Opened open(Path dir) throws IOException {
        return open(dir, SEGMENT_BYTES);
    }

    /** As {@link #open(Path)}, starting a new segment whenever the current one reaches {@code segmentBytes}. */
    static Opened open(Path dir, long segmentBytes) throws IOException {
        Files.createDirectories(dir);
        HitLog log = new HitLog(dir, segmentBytes);
        List<CollectedHit> recovered = new ArrayList<>();
        long shipped = readCheckpoint(dir);
        long maxSeq = shipped;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".hits")).toList()) {
                String name = p.getFileName().toString();
                log.segments.put(Long.parseLong(name.substring(0, name.length() - 5)), p);
            }
        }
        for (Path p : log.segments.values()) maxSeq = Math.max(maxSeq, readSegment(p, shipped, recovered));
        log.nextSeq = maxSeq + 1;
        log.startSegment();
        return new Opened(log, recovered);
    }

    private static long readCheckpoint(Path dir) throws IOException {
        Path f = dir.resolve(CHECKPOINT);
        if (!Files.exists(f)) return 0;
        String s = Files.readString(f).trim();
        return s.isEmpty() ? 0 : Long.parseLong(s);
    }

    /** Durably records that every hit up to {@code seq} is in the store, then drops finished segments. */
    void markShipped(long seq) throws IOException {
        Path tmp = dir.resolve(CHECKPOINT + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(Long.toString(seq).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            ch.force(false);
        }
        Files.move(tmp, dir.resolve(CHECKPOINT), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        synchronized (this) {
            // A fully shipped current segment is retired early, so after traffic pauses the log holds
            // at most a quarter segment of records that are all shipped.
            if (seq == nextSeq - 1 && current.size() >= segmentBytes / 4) startSegment();
        }
        releaseUpTo(seq); // outside the append lock: deleting files must not stall group commits
    }

    /** Reads the valid records after {@code shipped} of one segment into {@code out}; returns the highest sequence seen. */
    private static long readSegment(Path p, long shipped, List<CollectedHit> out) throws IOException {
        byte[] data = Files.readAllBytes(p);
        ByteBuffer buf = ByteBuffer.wrap(data);
        long maxSeq = 0;
        CRC32C crc = new CRC32C();
        while (buf.remaining() >= 8) {
            int length = buf.getInt();
            int sum = buf.getInt();
            if (length < 8 || length > MAX_RECORD || length > buf.remaining()) break;
            crc.reset();
            crc.update(data, buf.position(), length);
            if ((int) crc.getValue() != sum) break;
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, buf.position(), length));
            long seq = in.readLong();
            CollectedHit hit = HitCodec.read(in);
            if (seq > shipped) out.add(hit);
            maxSeq = Math.max(maxSeq, seq);
            buf.position(buf.position() + length);
        }
        if (buf.remaining() > 0) LOG.warning("ignoring a torn tail of " + buf.remaining() + " bytes in " + p);
        return maxSeq;
    }

    /** Appends the hits and forces them to disk; returns the sequence number of the last one. */
    synchronized long append(List<CollectedHit> hits) throws IOException {
        buffer.reset();
        DataOutputStream out = new DataOutputStream(buffer);
        for (CollectedHit hit : hits) {
            record.reset();
            DataOutputStream r = new DataOutputStream(record);
            r.writeLong(nextSeq++);
            HitCodec.write(r, hit);
            byte[] bytes = record.toByteArray();
            crc.reset();
            crc.update(bytes);
            out.writeInt(bytes.length);
            out.writeInt((int) crc.getValue());
            out.write(bytes);
        }
        ByteBuffer bb = ByteBuffer.wrap(buffer.toByteArray());
        while (bb.hasRemaining()) current.write(bb);
        current.force(false);
        long last = nextSeq - 1;
        if (current.size() >= segmentBytes) startSegment();
        return last;
    }

    private void startSegment() throws IOException {
        if (current != null) current.close();
        Path p = dir.resolve(nextSeq + ".hits");
        current = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        synchronized (segments) {
            segments.put(nextSeq, p);
        }
    }

    /** Deletes segments whose every record has a sequence at or below {@code shippedSeq}. */
    void releaseUpTo(long shippedSeq) throws IOException {
        List<Path> done = new ArrayList<>();
        synchronized (segments) {
            var it = segments.entrySet().iterator();
            while (it.hasNext()) {
                var e = it.next();
                Long next = segments.higherKey(e.getKey());
                if (next == null || next - 1 > shippedSeq) break; // the current segment, or not fully shipped
                done.add(e.getValue());
                it.remove();
            }
        }
        for (Path p : done) Files.deleteIfExists(p);
    }

    synchronized long lastSeq() {
        return nextSeq - 1;
    }

    @Override
    public synchronized void close() throws IOException {
        if (current != null) current.close();
    }
}
