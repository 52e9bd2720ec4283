package io.footfall.event;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One typed property of event data or session data (key flattened with dots).
 * Exactly one of the values is set for its type; booleans and arrays are kept as text as Umami does.
 */
public record DataField(String key, int dataType, String stringValue, BigDecimal numberValue, Instant dateValue) {
}
