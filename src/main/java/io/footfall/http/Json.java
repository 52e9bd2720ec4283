package io.footfall.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.io.IOException;
import java.time.Instant;

/** The one JSON mapper: Instants as ISO-8601 UTC with milliseconds (`2026-11-23T07:31:25.798Z`), like Umami. */
public final class Json {

    public static final ObjectMapper MAPPER = create();
    /** Resolved once: {@code readTree} on the mapper resolves the target type on every call. */
    private static final com.fasterxml.jackson.databind.ObjectReader TREE = MAPPER.readerFor(JsonNode.class);

    private Json() {
    }

    private static ObjectMapper create() {
        ObjectMapper m = new ObjectMapper();
        m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
        SimpleModule time = new SimpleModule();
        time.addSerializer(Instant.class, new com.fasterxml.jackson.databind.JsonSerializer<>() {
            @Override
            public void serialize(Instant value, com.fasterxml.jackson.core.JsonGenerator gen,
                                  com.fasterxml.jackson.databind.SerializerProvider serializers) throws IOException {
                gen.writeString(iso(value));
            }
        });
        time.addSerializer(java.util.UUID.class, ToStringSerializer.instance);
        m.registerModule(time);
        m.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        m.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // A body is one JSON value: `{...}GARBAGE` or `{...}{...}` is malformed, not the first object.
        m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return m;
    }

    /** ISO-8601 UTC with milliseconds. */
    public static String iso(Instant value) {
        return io.footfall.event.IsoTime.millis(value);
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise response", e);
        }
    }

    /** Parses a request body; malformed JSON is the client's fault (400). */
    public static JsonNode parse(byte[] body) {
        if (body.length == 0) throw ApiException.badRequest("Request body is empty; expected JSON");
        try {
            JsonNode node = TREE.readTree(body);
            if (node == null || node.isMissingNode()) throw ApiException.badRequest("Request body is empty; expected JSON");
            return node;
        } catch (IOException e) {
            throw ApiException.badRequest("Malformed JSON: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
