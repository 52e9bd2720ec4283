package io.footfall.collect;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** IGNORE_IP: single addresses and CIDR ranges, IPv4 and IPv6, whose hits are not recorded. */
public final class IpFilter {
    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] a) {
            if (a.length != network.length) return false;
            int full = prefix / 8;
            for (int i = 0; i < full; i++) if (a[i] != network[i]) return false;
            int rem = prefix % 8;
            if (rem == 0) return true;
            int mask = (0xff << (8 - rem)) & 0xff;
            return (a[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> ranges = new ArrayList<>();

    /** Parses entries like {@code 10.0.0.1}, {@code 192.168.0.0/16}, {@code 2001:db8::/32}; throws on a bad one. */
    public IpFilter(List<String> entries) {
        for (String e : entries) {
            String[] parts = e.split("/", 2);
            InetAddress a = IpAddresses.parse(parts[0]);
            if (a == null) throw new IllegalArgumentException("not an IP address or CIDR range: " + e);
            int max = a.getAddress().length * 8;
            int prefix = max;
            if (parts.length == 2) {
                try {
                    prefix = Integer.parseInt(parts[1]);
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException("bad prefix length in " + e);
                }
                if (prefix < 0 || prefix > max) throw new IllegalArgumentException("bad prefix length in " + e);
            }
            ranges.add(new Range(a.getAddress(), prefix));
        }
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean ignores(InetAddress address) {
        if (address == null || ranges.isEmpty()) return false;
        byte[] a = address.getAddress();
        for (Range r : ranges) if (r.contains(a)) return true;
        return false;
    }
}
