package io.footfall.collect;

/**
 * A hit that cannot be stored (a malformed payload, an unknown website, link or pixel); nothing of it is kept.
 * The message names the problem and is safe to show the client; each API answers it with its own 400.
 */
public final class InvalidHit extends RuntimeException {
    public InvalidHit(String message) {
        super(message, null, false, false);
    }
}
