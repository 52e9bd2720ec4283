package io.footfall.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.footfall.store.meta.WebsiteSettings;
import io.footfall.store.Connections;
import io.footfall.store.WebsiteSettingStore;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** Website settings in portable SQL: one row per website, each list as JSON text. */
public final class JdbcWebsiteSettingStore implements WebsiteSettingStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Connections db;
    private final JdbcRows rows;

    public JdbcWebsiteSettingStore(Connections db) {
        this.db = db;
        this.rows = new JdbcRows(db);
    }

    @Override
    public WebsiteSettings find(UUID websiteId) throws SQLException {
        return rows.one("SELECT content_groups, excluded_ips FROM website_setting WHERE website_id = ?",
                rs -> new WebsiteSettings(
                        read(rs.getString("content_groups"), new TypeReference<List<WebsiteSettings.ContentGroup>>() { }),
                        read(rs.getString("excluded_ips"), new TypeReference<List<String>>() { })),
                websiteId).orElse(WebsiteSettings.NONE);
    }

    @Override
    public void save(UUID websiteId, WebsiteSettings s) throws SQLException {
        String groups = write(s.contentGroups());
        String ips = write(s.excludedIps());
        db.write(c -> {
            JdbcRows.execute(c, "DELETE FROM website_setting WHERE website_id = ?", websiteId);
            JdbcRows.execute(c, "INSERT INTO website_setting (website_id, content_groups, excluded_ips) VALUES (?, ?, ?)",
                    websiteId, groups, ips);
            return null;
        });
    }

    @Override
    public void delete(UUID websiteId) throws SQLException {
        rows.update("DELETE FROM website_setting WHERE website_id = ?", websiteId);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable website_setting row", e);
        }
    }
}
