package io.footfall.manage;

import io.footfall.store.meta.Board;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The websites, links and pixels a board's layout names: its own entity ({@code websiteId}, {@code linkId},
 * {@code pixelId}) and each widget's ({@code websiteId}, {@code entityId}). A board share token reads exactly
 * these, read from the board as it is now, so removing a widget takes its entity away from the share too.
 */
public final class BoardEntities {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BoardEntities() {
    }

    public static Set<UUID> of(Board board) {
        Set<UUID> ids = new LinkedHashSet<>();
        JsonNode p;
        try {
            p = JSON.readTree(board.parameters());
        } catch (Exception e) {
            return ids;
        }
        if (p == null || !p.isObject()) return ids;
        add(ids, p.get("websiteId"));
        add(ids, p.get("linkId"));
        add(ids, p.get("pixelId"));
        JsonNode rows = p.get("rows");
        if (rows == null || !rows.isArray()) return ids;
        for (JsonNode row : rows) {
            JsonNode columns = row.get("columns");
            if (columns == null || !columns.isArray()) continue;
            for (JsonNode column : columns) {
                JsonNode component = column.get("component");
                if (component == null || !component.isObject()) continue;
                add(ids, component.get("websiteId"));
                add(ids, component.get("entityId"));
            }
        }
        return ids;
    }

    private static void add(Set<UUID> ids, JsonNode n) {
        if (n == null || !n.isTextual()) return;
        try {
            ids.add(UUID.fromString(n.asText()));
        } catch (IllegalArgumentException ignored) {
            // The board routes refuse such ids on write; an odd stored value opens nothing.
        }
    }
}
