package io.footfall.collect;

import java.net.InetAddress;
import java.util.List;
import java.util.function.Function;

/**
 * Finds the visitor's IP: CLIENT_IP_HEADER when configured, else the usual proxy headers
 * (X-Forwarded-For's first public hop, X-Real-IP, CDN headers), else the socket peer.
 * Only ever used in memory for geo lookup and hashing; never stored or logged.
 */
public final class ClientIpResolver {
    private static final List<String> SINGLE_VALUE_HEADERS = List.of(
            "x-real-ip", "cf-connecting-ip", "true-client-ip", "fastly-client-ip", "fly-client-ip",
            "x-client-ip", "x-cluster-client-ip", "x-appengine-user-ip");

    private final String configuredHeader;

    public ClientIpResolver(String configuredHeader) {
        this.configuredHeader = configuredHeader;
    }

    /** The client IP as text; falls back to the peer address when headers hold nothing usable. */
    public String resolve(Function<String, String> header, String peer) {
        InetAddress a = resolveAddress(header, peer);
        return a != null ? a.getHostAddress() : peer;
    }

    public InetAddress resolveAddress(Function<String, String> header, String peer) {
        if (configuredHeader != null) {
            InetAddress a = firstOfList(header.apply(configuredHeader));
            if (a != null) return a;
        }
        InetAddress forwarded = firstPublicHop(header.apply("x-forwarded-for"));
        if (forwarded != null) return forwarded;
        for (String name : SINGLE_VALUE_HEADERS) {
            InetAddress a = IpAddresses.parse(header.apply(name));
            if (a != null) return a;
        }
        InetAddress fwd = forwardedHeader(header.apply("forwarded"));
        if (fwd != null) return fwd;
        return IpAddresses.parse(peer);
    }

    private static InetAddress firstOfList(String value) {
        if (value == null) return null;
        return IpAddresses.parse(value.split(",", 2)[0]);
    }

    /** The left-most public address; the left-most valid one if none is public. */
    static InetAddress firstPublicHop(String value) {
        if (value == null) return null;
        InetAddress firstValid = null;
        String[] parts = value.split(",", 20);
        for (String part : parts) {
            InetAddress a = IpAddresses.parse(part);
            if (a == null) continue;
            if (IpAddresses.isPublic(a)) return a;
            if (firstValid == null) firstValid = a;
        }
        return firstValid;
    }

    /** RFC 7239 {@code Forwarded: for=1.2.3.4;proto=https}. */
    private static InetAddress forwardedHeader(String value) {
        if (value == null) return null;
        for (String element : value.split("[,;]", 20)) {
            String e = element.trim();
            if (e.regionMatches(true, 0, "for=", 0, 4)) {
                return IpAddresses.parse(e.substring(4).replace("\"", ""));
            }
        }
        return null;
    }
}
