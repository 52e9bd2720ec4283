-- Footfall schema, version 27: boards (Umami 3.3's custom dashboards). The layout lives in parameters
-- (JSON text, kept as the client sent it); a board belongs to a user or to a team, as websites do.

CREATE TABLE board (
    board_id     UUID        PRIMARY KEY,
    type         TEXT        NOT NULL,  -- mixed, website, pixel, link
    name         TEXT        NOT NULL,
    description  TEXT,
    parameters   TEXT        NOT NULL,
    user_id      UUID,
    team_id      UUID,
    created_at   TIMESTAMP   NOT NULL,
    updated_at   TIMESTAMP
);

CREATE INDEX board_by_user ON board (user_id);
CREATE INDEX board_by_team ON board (team_id);
