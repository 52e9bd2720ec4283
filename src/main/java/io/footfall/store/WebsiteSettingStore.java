package io.footfall.store;

import io.footfall.store.meta.WebsiteSettings;

import java.sql.SQLException;
import java.util.UUID;

/** Where websites' TinyTrail settings are kept (table {@code website_setting}). */
public interface WebsiteSettingStore {
    /** The website's settings; {@link WebsiteSettings#NONE} when it has none. */
    WebsiteSettings find(UUID websiteId) throws SQLException;

    void save(UUID websiteId, WebsiteSettings settings) throws SQLException;

    void delete(UUID websiteId) throws SQLException;
}
