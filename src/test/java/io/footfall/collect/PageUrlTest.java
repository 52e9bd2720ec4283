package io.footfall.collect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PageUrlTest {

    /**
     * Expected values printed by Node 20's WHATWG URL for {@code new URL(url, "https://example.com")}: path =
     * decodeURI(pathname + hash) (the input back when that throws), query = search without '?'.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        /p?q=' OR 1=1 --                       | /p               | q=%27%20OR%201=1%20--
        /search?q=a b&x="y"<z>                 | /search          | q=a%20b&x=%22y%22%3Cz%3E
        /caf%C3%A9/men%C3%BC?x=%C3%A9          | /café/menü       | x=%C3%A9
        /café?q=é                              | /café            | q=%C3%A9
        /a%2Fb%23c/%3F?x                       | /a%2Fb%23c/%3F   | x
        /bad%zzescape?%zz                      | /bad%zzescape    | %zz
        /caf%E9?x=1                            | /caf%E9          | x=1
        `/a b#sec tion`                        | `/a b#sec tion`  | ``
        /a/../b/./c                            | /b/c             | ``
        /x?                                    | /x               | ``
        /x?#                                   | /x               | ``
        /docs#a%20b                            | `/docs#a b`      | ``
        /a+b?utm_source=a+b                    | /a+b             | utm_source=a+b
        https://Shop.Example.com:8443/a/b?q=1#top | /a/b#top      | q=1
        android-app://com.google.android.gm/   | /                | ``
        //cdn.example.com/p?q                  | /p               | q
        page.html?x=1                          | /page.html       | x=1
        ?x=1                                   | /                | x=1
        `#h`                                   | /#h              | ``
        /undefined                             | ``               | ``
        """)
    void pathAndQueryAsTheUrlParserSerialisesThem(String url, String path, String query) {
        PageUrl u = PageUrl.parse(url, false);
        assertThat(u.path()).isEqualTo(path);
        assertThat(u.query()).isEqualTo(query);
    }

    @Test
    void campaignValuesAreTheFirstParameterDecoded() {
        var c = PageUrl.parse("/p?utm_source=a+b&utm_campaign=spring%20sale&utm_source=second&utm_medium=%E9&gclid=", false).campaign();
        assertThat(c.utmSource()).isEqualTo("a b");
        assertThat(c.utmCampaign()).isEqualTo("spring sale");
        assertThat(c.utmMedium()).isEqualTo("\uFFFD");
        assertThat(c.gclid()).isNull();
    }

    /** Generated URLs and what Node's WHATWG URL makes of them (see url-parser-cases.js beside the cases). */
    @Test
    void matchesTheUrlParserOnGeneratedUrls() throws Exception {
        var d = java.util.Base64.getDecoder();
        String cases = new String(PageUrlTest.class.getResourceAsStream("/collect/url-parser-cases.tsv").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        int checked = 0;
        for (String line : cases.split("\n")) {
            String[] f = line.split("\t", -1);
            String url = new String(d.decode(f[0]), java.nio.charset.StandardCharsets.UTF_8);
            PageUrl u = PageUrl.parse(url, false);
            assertThat(u.path()).as(url).isEqualTo(new String(d.decode(f[1]), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(u.query()).as(url).isEqualTo(new String(d.decode(f[2]), java.nio.charset.StandardCharsets.UTF_8));
            checked++;
        }
        assertThat(checked).isEqualTo(635);
    }

    @Test
    void anyInputParsesWithoutThrowing() {
        String alphabet = "ab/\\?#%:@[].2eEF\t ='+\u00e9\ud800\udc00";
        java.util.Random random = new java.util.Random(13);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder url = new StringBuilder(random.nextBoolean() ? "https://h" : "");
            for (int n = random.nextInt(24); n > 0; n--) url.append(alphabet.charAt(random.nextInt(alphabet.length())));
            PageUrl u = PageUrl.parse(url.toString(), random.nextBoolean());
            assertThat(u.query()).isNotNull();
            ReferrerUrl.parse(url.toString());
        }
    }

    @Test
    void hostOfAnAbsoluteOrSchemeRelativeUrl() {
        assertThat(PageUrl.parse("//cdn.example.com/p", false).host()).isEqualTo("cdn.example.com");
        assertThat(PageUrl.parse("https://user:pw@Shop.Example.com:8443/", false).host()).isEqualTo("shop.example.com");
        assertThat(PageUrl.parse("/p", false).host()).isNull();
    }

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
        assertThat(u.query()).isEmpty();
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
