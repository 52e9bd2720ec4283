package io.footfall.collect.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderLocationTest {

    private static Location of(Map<String, String> headers) {
        return HeaderLocation.fromHeaders(headers::get);
    }

    @Test
    void cloudflare() {
        assertThat(of(Map.of("cf-ipcountry", "DE", "cf-region-code", "BE", "cf-ipcity", "Berlin")))
                .isEqualTo(new Location("DE", "DE-BE", "Berlin"));
    }

    @Test
    void cloudflareCountryOnly() {
        assertThat(of(Map.of("cf-ipcountry", "fr"))).isEqualTo(new Location("FR", null, null));
    }

    @Test
    void regionWithDashIsKept() {
        assertThat(of(Map.of("cf-ipcountry", "US", "cf-region-code", "US-CA")).region()).isEqualTo("US-CA");
    }

    @Test
    void vercelCityIsUrlDecoded() {
        assertThat(of(Map.of("x-vercel-ip-country", "BR", "x-vercel-ip-country-region", "SP",
                "x-vercel-ip-city", "S%C3%A3o%20Paulo")))
                .isEqualTo(new Location("BR", "BR-SP", "São Paulo"));
    }

    @Test
    void cloudfront() {
        assertThat(of(Map.of("cloudfront-viewer-country", "US", "cloudfront-viewer-country-region", "WA",
                "cloudfront-viewer-city", "Seattle")))
                .isEqualTo(new Location("US", "US-WA", "Seattle"));
    }

    @Test
    void cloudflareWinsOverOthers() {
        assertThat(of(Map.of("cf-ipcountry", "GB", "x-vercel-ip-country", "US")).country()).isEqualTo("GB");
    }

    @Test
    void utf8ReadAsLatin1IsRepaired() {
        String mangled = new String("Zürich".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(of(Map.of("cf-ipcountry", "CH", "cf-ipcity", mangled)).city()).isEqualTo("Zürich");
        assertThat(of(Map.of("cf-ipcountry", "CH", "cf-ipcity", "Zürich")).city()).isEqualTo("Zürich");
    }

    @Test
    void noHeadersOrUnknownCountry() {
        assertThat(of(Map.of())).isNull();
        assertThat(of(Map.of("cf-ipcountry", ""))).isNull();
        assertThat(of(Map.of("cf-ipcountry", "XX"))).isNull();
        assertThat(of(Map.of("cf-ipcountry", "T1", "cf-ipcity", "Somewhere"))).isNull();
    }

    @Test
    void junkRegionIsDropped() {
        assertThat(of(Map.of("cf-ipcountry", "DE", "cf-region-code", "not a region")).region()).isNull();
    }
}
