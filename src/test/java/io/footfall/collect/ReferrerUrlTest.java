package io.footfall.collect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReferrerUrlTest {

    @Test
    void domainLosesWwwAndKeepsPathAndQuery() {
        var r = ReferrerUrl.parse("https://www.Google.com/search?q=footfall");
        assertThat(r.domain()).isEqualTo("google.com");
        assertThat(r.path()).isEqualTo("/search");
        assertThat(r.query()).isEqualTo("q=footfall");
    }

    @Test
    void emptyAndLocalhostHaveNoDomain() {
        assertThat(ReferrerUrl.parse("").domain()).isNull();
        assertThat(ReferrerUrl.parse(null).domain()).isNull();
        assertThat(ReferrerUrl.parse("http://localhost:3000/x").domain()).isNull();
        assertThat(ReferrerUrl.parse("android-app://com.google.android.gm/").domain()).isEqualTo("com.google.android.gm");
    }
}
