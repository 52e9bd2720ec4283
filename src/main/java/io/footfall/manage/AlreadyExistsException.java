package io.footfall.manage;

/** A create or rename would reuse a name or id that must stay unique; the message is safe to show the client. */
public final class AlreadyExistsException extends RuntimeException {
    public AlreadyExistsException(String message) {
        super(message, null, false, false);
    }
}
