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
    void pathIsDecodedWithoutHashAndQueryKeptAsSerialised() {
        var r = ReferrerUrl.parse("https://news.example.org/caf%C3%A9 page#top?x");
        assertThat(r.path()).isEqualTo("/café page");
        assertThat(r.query()).isEmpty();
        var q = ReferrerUrl.parse("https://search.example/?q=it's \"on\"");
        assertThat(q.path()).isEqualTo("/");
        assertThat(q.query()).isEqualTo("q=it%27s%20%22on%22");
    }

    @Test
    void emptyAndLocalhostHaveNoDomain() {
        assertThat(ReferrerUrl.parse("").domain()).isNull();
        assertThat(ReferrerUrl.parse(null).domain()).isNull();
        assertThat(ReferrerUrl.parse("http://localhost:3000/x").domain()).isNull();
        assertThat(ReferrerUrl.parse("android-app://com.google.android.gm/").domain()).isEqualTo("com.google.android.gm");
    }
}
