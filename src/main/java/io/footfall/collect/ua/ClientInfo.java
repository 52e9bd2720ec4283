package io.footfall.collect.ua;

/**
 * What Footfall stores about a visitor's client, named as Umami 3.1 names it
 * (detect-browser names for browser and os, Umami's device buckets).
 * Browser and os are null when they cannot be told; the device is always known.
 */
public record ClientInfo(String browser, String os, String device) {
}
