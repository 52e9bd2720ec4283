package io.footfall.collect;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClientIpResolverTest {
    static String resolve(String configured, List<String> trusted, Map<String, String> headers, String peer) {
        return new ClientIpResolver(configured, trusted).resolve(h -> headers.get(h.toLowerCase()), peer);
    }

    static String resolve(String configured, Map<String, String> headers, String peer) {
        return resolve(configured, null, headers, peer);
    }

    @Test
    void forwardedForIsReadFromTheRightSkippingTrustedAndPrivateHops() {
        assertThat(resolve(null, Map.of("x-forwarded-for", "10.0.0.5, 203.0.113.9, 198.51.100.1"), "127.0.0.1")).isEqualTo("198.51.100.1");
        assertThat(resolve(null, Map.of("x-forwarded-for", "203.0.113.9, 10.0.0.7"), "127.0.0.1")).isEqualTo("203.0.113.9");
        assertThat(resolve(null, Map.of("x-forwarded-for", "192.168.1.2"), "127.0.0.1")).isEqualTo("192.168.1.2");
        assertThat(resolve(null, Map.of("x-forwarded-for", "2001:4860::1, 10.0.0.1"), "127.0.0.1")).isEqualTo("2001:4860:0:0:0:0:0:1");
        assertThat(resolve(null, List.of("10.0.0.0/8"), Map.of("x-forwarded-for", "203.0.113.9, 198.51.100.4, 10.0.0.2"), "10.0.0.1"))
                .isEqualTo("198.51.100.4");
    }

    @Test
    void aClientCannotHideBehindEntriesItPrependsOrALongList() {
        // nginx appends the real peer: the client's own entries stay on the left.
        assertThat(resolve(null, Map.of("x-forwarded-for", "1.1.1.1, 198.51.100.66"), "127.0.0.1")).isEqualTo("198.51.100.66");
        String many = "9.9.9.9, ".repeat(40) + "198.51.100.66";
        assertThat(resolve(null, Map.of("x-forwarded-for", many), "127.0.0.1")).isEqualTo("198.51.100.66");
        assertThat(resolve(null, Map.of("x-forwarded-for", "garbage, 198.51.100.66"), "127.0.0.1")).isEqualTo("198.51.100.66");
    }

    @Test
    void headersFromAnUntrustedPeerAreIgnored() {
        Map<String, String> forged = Map.of("x-forwarded-for", "203.0.113.9", "x-real-ip", "203.0.113.10",
                "cf-connecting-ip", "203.0.113.11", "forwarded", "for=203.0.113.12");
        assertThat(resolve(null, forged, "198.51.100.3")).isEqualTo("198.51.100.3");
        assertThat(resolve(null, List.of("10.0.0.0/8"), forged, "127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(resolve(null, List.of(), forged, "127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(resolve(null, List.of("2001:db8::/32"), forged, "2001:db8::5")).isEqualTo("203.0.113.9");
    }

    @Test
    void configuredHeaderIsBelievedFromAnyPeerOnlyWithoutTrustedProxies() {
        Map<String, String> h = Map.of("cf-connecting-ip", "198.51.100.7", "x-forwarded-for", "203.0.113.9");
        assertThat(resolve("cf-connecting-ip", h, "127.0.0.1")).isEqualTo("198.51.100.7");
        assertThat(resolve("cf-connecting-ip", h, "198.51.100.200")).isEqualTo("198.51.100.7");
        // Only the configured header, not the others, from an untrusted peer.
        assertThat(resolve("cf-connecting-ip", Map.of("x-forwarded-for", "203.0.113.9"), "198.51.100.200")).isEqualTo("198.51.100.200");
        assertThat(resolve("cf-connecting-ip", List.of("172.16.0.0/12"), h, "198.51.100.200")).isEqualTo("198.51.100.200");
        assertThat(resolve("cf-connecting-ip", List.of("172.16.0.0/12"), h, "172.16.3.4")).isEqualTo("198.51.100.7");
    }

    @Test
    void otherProxyHeadersFromATrustedPeer() {
        assertThat(resolve(null, Map.of("x-real-ip", "198.51.100.8"), "127.0.0.1")).isEqualTo("198.51.100.8");
        assertThat(resolve(null, Map.of("forwarded", "for=\"198.51.100.9:4711\";proto=https"), "127.0.0.1")).isEqualTo("198.51.100.9");
        assertThat(resolve(null, Map.of("forwarded", "for=1.1.1.1, for=198.51.100.10;proto=https"), "::1")).isEqualTo("198.51.100.10");
    }

    @Test
    void garbageNeverTriggersLookupsAndFallsBackToPeer() {
        assertThat(resolve(null, Map.of("x-forwarded-for", "evil.example.com"), "127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(resolve(null, Map.of("x-real-ip", "1.2.3"), "127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(IpAddresses.parse("localhost")).isNull();
        assertThat(IpAddresses.parse("[2001:db8::1]:443").getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(IpAddresses.parse("203.0.113.1:8080").getHostAddress()).isEqualTo("203.0.113.1");
    }
}
