package io.footfall.tinytrail.report;

import io.footfall.store.meta.WebsiteSettings.ContentGroup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Content-group patterns: {@code *} is any run of characters, everything else literal, in Java and in SQL LIKE. */
class ContentGroupPatternTest {
    @Test
    void starMatchesAnyRunIncludingSlashes() {
        ContentGroupPattern blog = new ContentGroupPattern("Blog", "/blog/*");
        assertThat(blog.matches("/blog/")).isTrue();
        assertThat(blog.matches("/blog/a")).isTrue();
        assertThat(blog.matches("/blog/a/b")).isTrue();
        assertThat(blog.matches("/blog")).isFalse();
        assertThat(blog.matches("/Blog/a")).isFalse();
        assertThat(blog.matches("/x/blog/a")).isFalse();
        assertThat(blog.matches(null)).isFalse();
        assertThat(new ContentGroupPattern("Docs", "*/docs*").matches("/en/docs/intro")).isTrue();
    }

    @Test
    void otherCharactersAreLiteralInJavaAndLike() {
        ContentGroupPattern odd = new ContentGroupPattern("Odd", "/a_b%c\\d.e+(f)/*");
        assertThat(odd.matches("/a_b%c\\d.e+(f)/x")).isTrue();
        assertThat(odd.matches("/aXb%c\\d.e+(f)/x")).isFalse();
        assertThat(odd.like()).isEqualTo("/a\\_b\\%c\\\\d.e+(f)/%");
        assertThat(new ContentGroupPattern("Exact", "/pricing").like()).isEqualTo("/pricing");
    }

    @Test
    void aPathBelongsToTheFirstMatchingGroup() {
        List<ContentGroup> groups = List.of(new ContentGroup("Guides", "/docs/guides/*"), new ContentGroup("Docs", "/docs/*"));
        assertThat(ContentGroupPattern.groupOf(groups, "/docs/guides/start")).isEqualTo("Guides");
        assertThat(ContentGroupPattern.groupOf(groups, "/docs/api")).isEqualTo("Docs");
        assertThat(ContentGroupPattern.groupOf(groups, "/")).isNull();
    }
}
