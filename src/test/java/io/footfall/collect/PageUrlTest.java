package io.footfall.collect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageUrlTest {

    @Test
    void absoluteUrlSplitsIntoPathQueryHostAndCampaign() {
        PageUrl u = PageUrl.parse("https://Shop.Example.com:8443/a/b?utm_source=news&utm_medium=email&utm_campaign=spring%20sale&fbclid=F1#top", false);
        assertThat(u.host()).isEqualTo("shop.example.com");
        assertThat(u.path()).isEqualTo("/a/b#top");
        assertThat(u.query()).isEqualTo("utm_source=news&utm_medium=email&utm_campaign=spring%20sale&fbclid=F1");
        assertThat(u.campaign().utmSource()).isEqualTo("news");
        assertThat(u.campaign().utmCampaign()).isEqualTo("spring sale");
        assertThat(u.campaign().fbclid()).isEqualTo("F1");
        assertThat(u.campaign().gclid()).isNull();
    }

    @Test
    void relativePathAndDecoding() {
        PageUrl u = PageUrl.parse("/caf%C3%A9/men%C3%BC", false);
        assertThat(u.host()).isNull();
        assertThat(u.path()).isEqualTo("/café/menü");
        assertThat(u.query()).isNull();
        assertThat(PageUrl.parse("/bad%zzescape", false).path()).isEqualTo("/bad%zzescape");
        assertThat(PageUrl.parse("/a+b", false).path()).isEqualTo("/a+b");
    }

    @Test
    void allClickIds() {
        var c = PageUrl.parse("/?gclid=g&msclkid=m&ttclid=t&li_fat_id=l&twclid=w&utm_content=c&utm_term=k", false).campaign();
        assertThat(c.gclid()).isEqualTo("g");
        assertThat(c.msclkid()).isEqualTo("m");
        assertThat(c.ttclid()).isEqualTo("t");
        assertThat(c.liFatId()).isEqualTo("l");
        assertThat(c.twclid()).isEqualTo("w");
        assertThat(c.utmContent()).isEqualTo("c");
        assertThat(c.utmTerm()).isEqualTo("k");
    }

    @Test
    void removeTrailingSlashKeepsRootAndHash() {
        assertThat(PageUrl.parse("https://x.com/docs/", true).path()).isEqualTo("/docs");
        assertThat(PageUrl.parse("https://x.com/docs/#intro", true).path()).isEqualTo("/docs#intro");
        assertThat(PageUrl.parse("https://x.com/", true).path()).isEqualTo("/");
        assertThat(PageUrl.parse("https://x.com/docs/", false).path()).isEqualTo("/docs/");
    }

    @Test
    void hostOnlyUrlHasRootPathAndLongPartsAreCut() {
        assertThat(PageUrl.parse("https://x.com", false).path()).isEqualTo("/");
        assertThat(PageUrl.parse("/" + "p".repeat(900), false).path()).hasSize(500);
        assertThat(PageUrl.parse(null, false).path()).isNull();
    }
}
