package io.footfall.collect.geo;

import java.net.InetAddress;

/** Looks up the location of a client IP address. Implementations are thread-safe. */
public interface GeoLocator {

    /** A locator that knows nothing. */
    GeoLocator NONE = ip -> Location.UNKNOWN;

    /**
     * Never throws; returns {@link Location#UNKNOWN} for null, private, loopback, link-local and
     * unknown addresses.
     */
    Location locate(InetAddress ip);
}
