package io.footfall.collect;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IpFilterTest {
    final IpFilter filter = new IpFilter(List.of("203.0.113.7", "10.0.0.0/8", "192.168.1.128/25", "2001:db8::/32"));

    @Test
    void matchesAddressesAndRanges() {
        assertThat(filter.ignores(IpAddresses.parse("203.0.113.7"))).isTrue();
        assertThat(filter.ignores(IpAddresses.parse("203.0.113.8"))).isFalse();
        assertThat(filter.ignores(IpAddresses.parse("10.200.3.4"))).isTrue();
        assertThat(filter.ignores(IpAddresses.parse("192.168.1.200"))).isTrue();
        assertThat(filter.ignores(IpAddresses.parse("192.168.1.100"))).isFalse();
        assertThat(filter.ignores(IpAddresses.parse("2001:db8:ffff::1"))).isTrue();
        assertThat(filter.ignores(IpAddresses.parse("2001:db9::1"))).isFalse();
        assertThat(filter.ignores(null)).isFalse();
    }

    @Test
    void rejectsBadEntries() {
        assertThatThrownBy(() -> new IpFilter(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IpFilter(List.of("not-an-ip"))).isInstanceOf(IllegalArgumentException.class);
    }
}
