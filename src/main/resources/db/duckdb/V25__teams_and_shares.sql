-- Footfall schema, version 25: teams and shares come into use. A website's share id (Umami 3.1's share link)
-- becomes a row of the share table, so that /api/share/:slug finds every share in one place; earlier
-- versions kept it only on the website row.

INSERT INTO share (share_id, entity_id, share_type, name, slug, parameters, created_at, updated_at)
SELECT uuid(), w.website_id, 1, w.name, w.share_id, '{}', now(), NULL
FROM website w
WHERE w.share_id IS NOT NULL AND w.deleted_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM share s WHERE s.slug = w.share_id);

CREATE INDEX team_user_by_team ON team_user (team_id, user_id);
CREATE INDEX team_user_by_user ON team_user (user_id);
CREATE INDEX share_by_entity ON share (entity_id);
