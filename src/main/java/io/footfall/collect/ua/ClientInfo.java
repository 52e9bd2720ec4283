package io.footfall.collect.ua;

/**
 * What Footfall stores about a visitor's client, named as Umami 3.1 names it
 * (detect-browser names for browser and os, Umami's device buckets).
 * Each field is null when it cannot be told.
 */
public record ClientInfo(String browser, String os, String device) {

    /** Nothing known: no browser, no os, no device. */
    public static final ClientInfo UNKNOWN = new ClientInfo(null, null, null);
}
