package io.footfall.http.tinytrail;

import java.util.UUID;
import java.util.regex.Pattern;

/** UUIDs in paths and bodies: a malformed one is a 400 INVALID_PAYLOAD, as the document lists. */
final class Ids {
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    static UUID parse(String text, String field) {
        if (text == null || !UUID_TEXT.matcher(text).matches()) {
            throw TinyTrailException.invalid("'" + field + "' must be a UUID");
        }
        return UUID.fromString(text);
    }
}
