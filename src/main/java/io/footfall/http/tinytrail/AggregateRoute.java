package io.footfall.http.tinytrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.http.ApiRequest;
import io.footfall.http.Reply;
import io.footfall.store.EventStore;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code POST /api/v1/admin/aggregate} (admin only): brings the pre-aggregates up to date for a day, default
 * yesterday UTC. Footfall aggregates continuously, so this only folds what is still pending: on DuckDB every
 * event appended so far (which covers the day asked for) goes into the rollups; PostgreSQL has no rollups,
 * so there is nothing to do. Reports are exact either way (readers add what is not folded), which is why the
 * answer can say "completed" for any valid date.
 */
final class AggregateRoute {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private final KeyAuth auth;
    private final EventStore events;
    private final Clock clock;

    AggregateRoute(KeyAuth auth, EventStore events, Clock clock) {
        this.auth = auth;
        this.events = events;
        this.clock = clock;
    }

    void register(TinyTrailRoutes.Registrar r) {
        r.post("/api/v1/admin/aggregate", this::aggregate);
    }

    private Reply aggregate(ApiRequest req) throws Exception {
        auth.admin(req);
        LocalDate date = date(req);
        io.footfall.store.FoldingStore.foldPending(events);
        return Envelope.ok(Map.of("message", "Aggregation completed for " + date));
    }

    /** The body's date, or yesterday UTC when the body, or its date, is absent. */
    private LocalDate date(ApiRequest req) {
        String text = null;
        if (req.body().length > 0 && !new String(req.body(), java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            JsonNode body = Bodies.object(req);
            JsonNode n = body.get("date");
            if (n != null && !n.isNull()) {
                if (!n.isTextual()) throw TinyTrailException.invalid("'date' must be a string in YYYY-MM-DD format");
                text = n.asText();
            }
        }
        if (text == null) return LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1);
        if (!DATE.matcher(text).matches()) throw TinyTrailException.invalid("'date' must be in YYYY-MM-DD format");
        try {
            return LocalDate.parse(text, STRICT);
        } catch (DateTimeParseException e) {
            throw TinyTrailException.invalid("'date' is not a calendar date");
        }
    }
}
