package io.footfall.http;

import java.io.OutputStream;
import java.util.LinkedHashMap;

/**
 * A response body written straight to the client as it is produced (a large export), never held whole
 * in memory. Everything that can be a 4xx must be checked before the handler returns it: once writing
 * has begun the status is sent, and a failure can only cut the response short.
 */
@FunctionalInterface
public interface StreamingBody {
    void writeTo(OutputStream out) throws Exception;

    /** A 200 reply whose body this writes. */
    static Reply reply(String contentType, StreamingBody body) {
        return new Reply(200, body, null, contentType, new LinkedHashMap<>());
    }
}
