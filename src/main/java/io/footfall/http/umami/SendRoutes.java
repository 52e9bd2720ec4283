package io.footfall.http.umami;

import io.footfall.collect.CollectOutcome;
import io.footfall.collect.Collector;
import io.footfall.collect.HitContext;
import io.footfall.collect.IngestQueue;
import io.footfall.collect.SendRequest;
import io.footfall.http.ApiException;
import io.footfall.http.ApiRequest;
import io.footfall.http.Json;
import io.footfall.http.Reply;
import io.footfall.http.Router;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POST /api/send (and COLLECT_API_ENDPOINT): the tracker's and @umami/node's door.
 * Any content type is read as JSON, so trackers may send text/plain and skip the CORS preflight.
 * A 200 is sent only after the hit is durable.
 */
public final class SendRoutes {
    private static final long STORE_TIMEOUT_SECONDS = 30;

    private final Collector collector;
    private final IngestQueue queue;
    private final String extraEndpoint;

    public SendRoutes(Collector collector, IngestQueue queue, String extraEndpoint) {
        this.collector = collector;
        this.queue = queue;
        this.extraEndpoint = extraEndpoint;
    }

    public void register(Router r) {
        r.post("/api/send", this::send);
        if (extraEndpoint != null && !extraEndpoint.equals("/api/send")) r.post(extraEndpoint, this::send);
    }

    private Reply send(ApiRequest req) throws Exception {
        CollectOutcome outcome;
        try {
            SendRequest send = SendRequest.parse(Json.parse(req.body()));
            outcome = collector.collect(send, new HitContext(req::header, req.remoteAddress()));
        } catch (io.footfall.collect.InvalidHit e) {
            throw ApiException.badRequest(e.getMessage());
        }
        if (outcome instanceof CollectOutcome.Accepted a) store(queue, a);
        return Reply.raw(200, "application/json; charset=utf-8", responseBytes(outcome.response()));
    }

    /**
     * The reply on the hot path, written without a general serializer: its values are JWT and UUID text
     * (no characters that need escaping) or the fixed bot answer.
     */
    static byte[] responseBytes(java.util.Map<String, Object> response) {
        StringBuilder sb = new StringBuilder(400).append('{');
        boolean first = true;
        for (var e : response.entrySet()) {
            if (!first) sb.append(',');
            first = false;
            sb.append('"').append(e.getKey()).append("\":\"").append(e.getValue()).append('"');
        }
        return sb.append('}').toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Waits until the hit is durable; 503 with Retry-After when the store cannot take it now. */
    public static void store(IngestQueue queue, CollectOutcome.Accepted a) throws InterruptedException {
        try {
            queue.submit(a.hit()).get(STORE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (IngestQueue.Rejected e) {
            throw ApiException.unavailable("Server busy (" + e.getMessage() + "), retry shortly", 1);
        } catch (ExecutionException | TimeoutException e) {
            throw ApiException.unavailable("Could not store the event, retry shortly", 5);
        }
    }
}
