package io.footfall.query;

/** A query request the client got wrong (bad range, unit, zone, filter); the HTTP layer answers 400. */
public final class QueryException extends RuntimeException {
    public QueryException(String message) {
        super(message, null, false, false);
    }
}
