package io.footfall.store.meta;

import java.util.List;

/**
 * A website's TinyTrail settings beside its domain: content groups (a name for the paths a pattern matches) and
 * excluded IPs (addresses or CIDR ranges, v4 or v6, whose hits are dropped).
 */
public record WebsiteSettings(List<ContentGroup> contentGroups, List<String> excludedIps) {
    public static final WebsiteSettings NONE = new WebsiteSettings(List.of(), List.of());

    public record ContentGroup(String name, String pattern) {
    }
}
