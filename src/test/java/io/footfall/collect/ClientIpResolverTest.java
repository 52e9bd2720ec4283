package io.footfall.collect;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClientIpResolverTest {
    static String resolve(String configured, Map<String, String> headers, String peer) {
        return new ClientIpResolver(configured).resolve(h -> headers.get(h.toLowerCase()), peer);
    }

    @Test
    void forwardedForTakesFirstPublicHop() {
        assertThat(resolve(null, Map.of("x-forwarded-for", "10.0.0.5, 203.0.113.9, 198.51.100.1"), "127.0.0.1")).isEqualTo("203.0.113.9");
        assertThat(resolve(null, Map.of("x-forwarded-for", "192.168.1.2"), "127.0.0.1")).isEqualTo("192.168.1.2");
        assertThat(resolve(null, Map.of("x-forwarded-for", "2001:4860::1, 10.0.0.1"), "127.0.0.1")).isEqualTo("2001:4860:0:0:0:0:0:1");
    }

    @Test
    void configuredHeaderWinsAndProxyHeadersFollow() {
        assertThat(resolve("cf-connecting-ip", Map.of("cf-connecting-ip", "198.51.100.7", "x-forwarded-for", "203.0.113.9"), "127.0.0.1")).isEqualTo("198.51.100.7");
        assertThat(resolve(null, Map.of("x-real-ip", "198.51.100.8"), "127.0.0.1")).isEqualTo("198.51.100.8");
        assertThat(resolve(null, Map.of("forwarded", "for=\"198.51.100.9:4711\";proto=https"), "127.0.0.1")).isEqualTo("198.51.100.9");
    }

    @Test
    void garbageNeverTriggersLookupsAndFallsBackToPeer() {
        assertThat(resolve(null, Map.of("x-forwarded-for", "evil.example.com"), "198.51.100.3")).isEqualTo("198.51.100.3");
        assertThat(resolve(null, Map.of("x-real-ip", "1.2.3"), "198.51.100.3")).isEqualTo("198.51.100.3");
        assertThat(IpAddresses.parse("localhost")).isNull();
        assertThat(IpAddresses.parse("[2001:db8::1]:443").getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(IpAddresses.parse("203.0.113.1:8080").getHostAddress()).isEqualTo("203.0.113.1");
    }
}
