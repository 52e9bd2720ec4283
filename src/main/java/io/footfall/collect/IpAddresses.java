package io.footfall.collect;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** IP literal parsing that never triggers a DNS lookup (a header value is attacker-controlled). */
public final class IpAddresses {
    private IpAddresses() {
    }

    /** The address for an IPv4/IPv6 literal (optionally with port or brackets), or null for anything else. */
    public static InetAddress parse(String value) {
        if (value == null) return null;
        String s = value.trim();
        if (s.isEmpty() || s.length() > 64) return null;
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            if (end < 0) return null;
            s = s.substring(1, end);
        } else if (s.indexOf(':') > 0 && s.indexOf(':') == s.lastIndexOf(':') && s.indexOf('.') > 0) {
            s = s.substring(0, s.indexOf(':')); // IPv4 with port
        }
        int zone = s.indexOf('%');
        if (zone >= 0) s = s.substring(0, zone);
        boolean v6 = s.indexOf(':') >= 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // ASCII only: Character.digit would also take full-width and other non-ASCII digits.
            boolean ok = c == '.' || (c >= '0' && c <= '9')
                    || (v6 && (c == ':' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
            if (!ok) return null;
        }
        if (!v6 && s.chars().filter(ch -> ch == '.').count() != 3) return null;
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Whether the address is routable on the public internet (not private, loopback, link-local, ...). */
    public static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 100 && second >= 64 && second <= 127) return false; // carrier-grade NAT
            if (first == 0) return false;
        } else if ((b[0] & 0xfe) == 0xfc) {
            return false; // unique local fc00::/7
        }
        return true;
    }
}
