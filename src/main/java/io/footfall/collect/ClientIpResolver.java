package io.footfall.collect;

import java.net.InetAddress;
import java.util.List;
import java.util.function.Function;

/**
 * Finds the client's IP. Anyone can send forwarding headers, so they are believed only from a trusted
 * proxy (TRUSTED_PROXIES, loopback by default): otherwise a client could choose the address its hits and
 * its failed logins are counted under, or lock someone else out by sending their address.
 * <p>
 * From a trusted peer: CLIENT_IP_HEADER when configured, else X-Forwarded-For read from the right (the
 * hops the proxies appended) skipping trusted and private addresses, X-Real-IP, CDN headers, then
 * RFC 7239 Forwarded the same way as X-Forwarded-For. CLIENT_IP_HEADER with TRUSTED_PROXIES unset is
 * believed from every peer: the operator says a proxy in front sets it on every request. Anything else
 * is the socket peer. Only ever used in memory for geo lookup, hashing and rate limits; never stored.
 */
public final class ClientIpResolver {
    /** Trusted when TRUSTED_PROXIES is unset: a reverse proxy on the same host is the common set-up. */
    public static final List<String> DEFAULT_TRUSTED_PROXIES = List.of("127.0.0.0/8", "::1");

    private static final List<String> SINGLE_VALUE_HEADERS = List.of(
            "x-real-ip", "cf-connecting-ip", "true-client-ip", "fastly-client-ip", "fly-client-ip",
            "x-client-ip", "x-cluster-client-ip", "x-appengine-user-ip");
    private static final int MAX_HOPS = 20;
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ClientIpResolver.class.getName());

    private final String configuredHeader;
    private final IpFilter trustedProxies;
    private final boolean configuredHeaderFromAnyPeer;
    private volatile boolean warnedAboutUntrustedProxy;

    /**
     * @param configuredHeader CLIENT_IP_HEADER, or null
     * @param trustedProxies   TRUSTED_PROXIES as entries ({@code 10.0.0.0/8}, {@code ::1}), or null when unset
     * @throws IllegalArgumentException for an entry that is not an address or CIDR range
     */
    public ClientIpResolver(String configuredHeader, List<String> trustedProxies) {
        this.configuredHeader = configuredHeader;
        this.trustedProxies = new IpFilter(trustedProxies != null ? trustedProxies : DEFAULT_TRUSTED_PROXIES);
        this.configuredHeaderFromAnyPeer = configuredHeader != null && trustedProxies == null;
    }

    /** Whether headers from this peer (forwarding, CDN location) are believed. */
    public boolean trustsPeer(String peer) {
        return trustedProxies.ignores(IpAddresses.parse(peer));
    }

    /** The client IP as text; the peer address when no header may be believed or none holds an address. */
    public String resolve(Function<String, String> header, String peer) {
        InetAddress a = resolveAddress(header, peer);
        return a != null ? a.getHostAddress() : peer;
    }

    public InetAddress resolveAddress(Function<String, String> header, String peer) {
        InetAddress peerAddress = IpAddresses.parse(peer);
        boolean trusted = trustedProxies.ignores(peerAddress);
        if (configuredHeader != null && (trusted || configuredHeaderFromAnyPeer)) {
            InetAddress a = clientOf(hops(header.apply(configuredHeader)));
            if (a != null) return a;
        }
        if (!trusted) {
            warnOnceAboutUntrustedProxy(peerAddress, header);
            return peerAddress;
        }
        InetAddress forwarded = clientOf(hops(header.apply("x-forwarded-for")));
        if (forwarded != null) return forwarded;
        for (String name : SINGLE_VALUE_HEADERS) {
            InetAddress a = IpAddresses.parse(header.apply(name));
            if (a != null) return a;
        }
        InetAddress fwd = clientOf(forwardedFor(header.apply("forwarded")));
        if (fwd != null) return fwd;
        return peerAddress;
    }

    /**
     * A private peer sending X-Forwarded-For is most likely the operator's own proxy left out of
     * TRUSTED_PROXIES: then every client looks like that proxy and shares one login limit. Say so, once.
     */
    private void warnOnceAboutUntrustedProxy(InetAddress peer, Function<String, String> header) {
        if (warnedAboutUntrustedProxy || peer == null || IpAddresses.isPublic(peer)) return;
        if (header.apply("x-forwarded-for") == null) return;
        warnedAboutUntrustedProxy = true;
        LOG.warning("X-Forwarded-For from " + peer.getHostAddress() + " is ignored: that address is not in TRUSTED_PROXIES."
                + " If it is your reverse proxy, add it (or its range) to TRUSTED_PROXIES; until then every client"
                + " behind it counts as one address.");
    }

    /**
     * The client in a list of hops, left = furthest: read from the right, the first address that is neither
     * a trusted proxy nor private; else the right-most that is not a trusted proxy; else the left-most.
     * Entries left of the one our own proxy appended are whatever the client sent, so never skip to them.
     */
    InetAddress clientOf(List<InetAddress> hops) {
        if (hops.isEmpty()) return null;
        InetAddress untrusted = null;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress a = hops.get(i);
            if (trustedProxies.ignores(a)) continue;
            if (IpAddresses.isPublic(a)) return a;
            if (untrusted == null) untrusted = a;
        }
        return untrusted != null ? untrusted : hops.getFirst();
    }

    /** The addresses of a comma-separated list; an unparsable entry ends the trustworthy part (right of it). */
    private static List<InetAddress> hops(String value) {
        if (value == null) return List.of();
        return parse(value.split(","));
    }

    /** RFC 7239 {@code Forwarded: for=1.2.3.4;proto=https, for="[2001:db8::1]:443"}: the {@code for} values. */
    private static List<InetAddress> forwardedFor(String value) {
        if (value == null) return List.of();
        String[] elements = value.split(",");
        String[] fors = new String[elements.length];
        for (int i = 0; i < elements.length; i++) {
            fors[i] = "";
            for (String pair : elements[i].split(";", 10)) {
                String p = pair.trim();
                if (p.regionMatches(true, 0, "for=", 0, 4)) fors[i] = p.substring(4).replace("\"", "");
            }
        }
        return parse(fors);
    }

    /**
     * Parsed from the right until the first entry that is not an address (what lies left of it is unknown),
     * at most {@value #MAX_HOPS} entries: a long list cannot hide the hops the proxies appended.
     */
    private static List<InetAddress> parse(String[] parts) {
        java.util.ArrayDeque<InetAddress> out = new java.util.ArrayDeque<>();
        for (int i = parts.length - 1; i >= Math.max(0, parts.length - MAX_HOPS); i--) {
            InetAddress a = IpAddresses.parse(parts[i]);
            if (a == null) break;
            out.addFirst(a);
        }
        return List.copyOf(out);
    }
}
