package io.footfall.store.wal;

import io.footfall.event.CollectedHit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** For tests outside this package: the write-ahead log as a process that died would leave it. */
public final class CrashedLog {
    private CrashedLog() {
    }

    /**
     * Appends hits to the log in {@code dir} (the server stopped) as fsync'ed and acknowledged, with no record
     * of their shipping: whether or not they reached the store, the next start ships them again.
     */
    public static void leaveUnshipped(Path dir, List<CollectedHit> hits) throws IOException {
        HitLog.Opened opened = HitLog.open(dir);
        try (HitLog log = opened.log()) {
            log.append(hits);
        }
    }
}
