package io.footfall.collect;

import io.footfall.auth.AppSecret;
import io.footfall.store.MetaStore;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secret salt of each rotation period (day, week or month, UTC). A salt mixes APP_SECRET with
 * random material created once per period and kept in the store, so session ids cannot be recomputed
 * from an IP, a User-Agent and the date, and sessions do not link across periods.
 */
public final class SaltRotation {
    private final String rotation;
    private final String appSecret;
    private final MetaStore meta;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, String> salts = new ConcurrentHashMap<>();

    public SaltRotation(String rotation, String appSecret, MetaStore meta) {
        this.rotation = rotation;
        this.appSecret = appSecret;
        this.meta = meta;
    }

    private record DayPeriod(long epochDay, String period) {
    }

    // The period of the most recent day asked for: nearly every hit falls on today.
    private volatile DayPeriod lastDay = new DayPeriod(Long.MIN_VALUE, null);

    /** The salt for the period containing {@code at}. */
    public String saltAt(Instant at) throws SQLException {
        long day = Math.floorDiv(at.getEpochSecond(), 86_400L);
        DayPeriod d = lastDay;
        if (d.epochDay() != day) {
            d = new DayPeriod(day, period(rotation, at));
            lastDay = d;
        }
        String period = d.period();
        String salt = salts.get(period);
        if (salt != null) return salt;
        synchronized (this) {
            salt = salts.get(period);
            if (salt != null) return salt;
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            String secret = meta.saltSecret(period, HexFormat.of().formatHex(fresh));
            salt = HexFormat.of().formatHex(AppSecret.derive(appSecret, "session-salt:" + period + ":" + secret));
            if (salts.size() > 64) salts.clear();
            salts.put(period, salt);
            return salt;
        }
    }

    static String period(String rotation, Instant at) {
        LocalDate d = at.atZone(ZoneOffset.UTC).toLocalDate();
        return switch (rotation) {
            case "day" -> "day:" + d;
            case "week" -> "week:" + d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            default -> "month:" + d.withDayOfMonth(1);
        };
    }
}
