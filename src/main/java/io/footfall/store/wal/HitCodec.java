package io.footfall.store.wal;

import io.footfall.event.CollectedHit;
import io.footfall.event.DataField;
import io.footfall.event.Event;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Binary form of a {@link CollectedHit} for the write-ahead log: compact, versioned, exact round trip. Version 2
 * is version 1 with the flag of a flagged hit after the version byte; ordinary hits stay version 1, so a log
 * written by this build without flagged hits reads in an older one.
 */
final class HitCodec {
    private static final int VERSION = 1;
    private static final int VERSION_FLAGGED = 2;

    private HitCodec() {
    }

    static void write(DataOutputStream out, CollectedHit h) throws IOException {
        out.writeByte(h.flagged() ? VERSION_FLAGGED : VERSION);
        if (h.flagged()) out.writeUTF(h.flag().sql());
        uuid(out, h.websiteId());
        uuid(out, h.sessionId());
        str(out, h.distinctId());
        instant(out, h.createdAt());
        fields(out, h.sessionData());
        Event e = h.event();
        out.writeBoolean(e != null);
        if (e == null) return;
        uuid(out, e.eventId());
        uuid(out, e.visitId());
        instant(out, e.createdAt());
        out.writeShort(e.eventType());
        str(out, e.eventName());
        Event.Page p = e.page();
        str(out, p.hostname());
        str(out, p.urlPath());
        str(out, p.urlQuery());
        str(out, p.pageTitle());
        str(out, p.tag());
        Event.Referrer r = e.referrer();
        str(out, r.domain());
        str(out, r.path());
        str(out, r.query());
        Event.Campaign c = e.campaign();
        for (String s : new String[]{c.utmSource(), c.utmMedium(), c.utmCampaign(), c.utmContent(), c.utmTerm(),
                c.gclid(), c.fbclid(), c.msclkid(), c.ttclid(), c.liFatId(), c.twclid()}) {
            str(out, s);
        }
        Event.SessionAttributes s = e.session();
        for (String v : new String[]{s.browser(), s.os(), s.device(), s.screen(), s.language(), s.country(),
                s.region(), s.city(), s.distinctId()}) {
            str(out, v);
        }
        Event.WebVitals v = e.vitals();
        for (Double d : new Double[]{v.lcp(), v.inp(), v.cls(), v.fcp(), v.ttfb()}) dbl(out, d);
        fields(out, h.eventData());
    }

    static CollectedHit read(DataInputStream in) throws IOException {
        int version = in.readByte();
        if (version != VERSION && version != VERSION_FLAGGED) throw new IOException("unknown hit record version " + version);
        CollectedHit.Flag flag = version == VERSION_FLAGGED ? flag(in.readUTF()) : null;
        UUID websiteId = uuid(in);
        UUID sessionId = uuid(in);
        String distinctId = str(in);
        Instant createdAt = instant(in);
        List<DataField> sessionData = fields(in);
        if (!in.readBoolean()) return new CollectedHit(null, List.of(), websiteId, sessionId, distinctId, createdAt, sessionData);
        UUID eventId = uuid(in);
        UUID visitId = uuid(in);
        Instant eventAt = instant(in);
        int type = in.readShort();
        String name = str(in);
        Event.Page page = new Event.Page(str(in), str(in), str(in), str(in), str(in));
        Event.Referrer referrer = new Event.Referrer(str(in), str(in), str(in));
        Event.Campaign campaign = new Event.Campaign(str(in), str(in), str(in), str(in), str(in), str(in), str(in),
                str(in), str(in), str(in), str(in));
        Event.SessionAttributes session = new Event.SessionAttributes(str(in), str(in), str(in), str(in), str(in),
                str(in), str(in), str(in), str(in));
        Event.WebVitals vitals = new Event.WebVitals(dbl(in), dbl(in), dbl(in), dbl(in), dbl(in));
        List<DataField> eventData = fields(in);
        Event e = new Event(eventId, websiteId, sessionId, visitId, eventAt, type, name, page, referrer, campaign, session, vitals);
        return new CollectedHit(e, eventData, websiteId, sessionId, distinctId, createdAt, sessionData, flag);
    }

    private static CollectedHit.Flag flag(String sql) throws IOException {
        for (CollectedHit.Flag f : CollectedHit.Flag.values()) if (f.sql().equals(sql)) return f;
        throw new IOException("unknown hit flag " + sql);
    }

    private static void fields(DataOutputStream out, List<DataField> fields) throws IOException {
        out.writeShort(fields.size());
        for (DataField f : fields) {
            str(out, f.key());
            out.writeByte(f.dataType());
            str(out, f.stringValue());
            str(out, f.numberValue() == null ? null : f.numberValue().toPlainString());
            out.writeBoolean(f.dateValue() != null);
            if (f.dateValue() != null) instant(out, f.dateValue());
        }
    }

    private static List<DataField> fields(DataInputStream in) throws IOException {
        int n = in.readShort();
        if (n == 0) return List.of();
        List<DataField> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String key = str(in);
            int type = in.readByte();
            String s = str(in);
            String num = str(in);
            Instant date = in.readBoolean() ? instant(in) : null;
            out.add(new DataField(key, type, s, num == null ? null : new BigDecimal(num), date));
        }
        return out;
    }

    private static void uuid(DataOutputStream out, UUID u) throws IOException {
        out.writeLong(u.getMostSignificantBits());
        out.writeLong(u.getLeastSignificantBits());
    }

    private static UUID uuid(DataInputStream in) throws IOException {
        return new UUID(in.readLong(), in.readLong());
    }

    private static void instant(DataOutputStream out, Instant t) throws IOException {
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
    }

    private static Instant instant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) out.writeUTF(s);
    }

    private static String str(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void dbl(DataOutputStream out, Double d) throws IOException {
        out.writeBoolean(d != null);
        if (d != null) out.writeDouble(d);
    }

    private static Double dbl(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readDouble() : null;
    }
}
