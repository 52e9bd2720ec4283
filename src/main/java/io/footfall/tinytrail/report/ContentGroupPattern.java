package io.footfall.tinytrail.report;

import io.footfall.store.meta.WebsiteSettings;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A content group's {@code pattern} (the document's examples: {@code /blog/*}): matched against the whole page
 * path, case-sensitive, where {@code *} stands for any run of characters ({@code /} included) and every other
 * character for itself. {@code /blog/*} takes {@code /blog/}, {@code /blog/a} and {@code /blog/a/b}, not
 * {@code /blog}. Rendered as SQL {@code LIKE} for filtering and as a Java regex for naming a page's group.
 */
public record ContentGroupPattern(String name, String pattern) {

    /** The SQL LIKE pattern (escape character {@code \}). */
    public String like() {
        StringBuilder s = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> s.append('%');
                case '%', '_', '\\' -> s.append('\\').append(c);
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    public boolean matches(String path) {
        if (path == null) return false;
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) regex.append(".*");
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(path).matches();
    }

    /** The name of the first of the website's groups (in their order) whose pattern takes the path; null for none. */
    public static String groupOf(List<WebsiteSettings.ContentGroup> groups, String path) {
        for (WebsiteSettings.ContentGroup g : groups) {
            if (new ContentGroupPattern(g.name(), g.pattern()).matches(path)) return g.name();
        }
        return null;
    }
}
