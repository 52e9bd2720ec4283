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

    /** The salt for the period containing {@code at}. */
    public String saltAt(Instant at) throws SQLException {
        String period = period(rotation, at);
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
