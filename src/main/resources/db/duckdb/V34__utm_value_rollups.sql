-- Footfall schema, version 34: UTM kinds in the value rollups (SessionValueKind UTM_*, codes 8-12). A view's
-- utm_source, utm_medium, utm_campaign, utm_content and utm_term (parsed from its page URL) become five more
-- kinds of the session-value (V10) and visit-value (V9) rollups, so the utm* metrics (plain and expanded)
-- count rows instead of distinct sessions over raw events. Filled here from the folded events, with their
-- day sums (V13/V14), as the folds would have built them: no row for a missing value (V28), rows in order
-- of their first view. Events after folded_seq are the tail, which the next fold adds.

CREATE TEMP TABLE utm_views AS SELECT website_id, session_id, visit_id, created_at, utm_source, utm_medium, utm_campaign,
    utm_content, utm_term FROM event
    WHERE event_type IN (1, 3, 4) AND ingest_seq <= (SELECT folded_seq FROM rollup_state)
      AND (coalesce(utm_source, '') <> '' OR coalesce(utm_medium, '') <> '' OR coalesce(utm_campaign, '') <> ''
        OR coalesce(utm_content, '') <> '' OR coalesce(utm_term, '') <> '');

CREATE TABLE session_value_utm_source (
    website_id UUID      NOT NULL,
    session_id UUID      NOT NULL,
    value      VARCHAR,
    first_at   TIMESTAMP NOT NULL,  -- first view with this value, UTC
    last_at    TIMESTAMP NOT NULL   -- last view with this value
);
INSERT INTO session_value_utm_source SELECT website_id, session_id, utm_source, min(created_at), max(created_at) FROM utm_views
    WHERE utm_source IS NOT NULL AND utm_source <> '' GROUP BY website_id, session_id, utm_source ORDER BY 4;
INSERT INTO session_value_day SELECT website_id, 8::TINYINT, value, date_trunc('day', first_at), count(*)
    FROM session_value_utm_source GROUP BY ALL;

CREATE TABLE visit_value_utm_source (
    website_id UUID NOT NULL,
    visit_id UUID NOT NULL,
    value VARCHAR,
    views INTEGER NOT NULL,
    first_at TIMESTAMP NOT NULL,
    last_at TIMESTAMP NOT NULL
);
INSERT INTO visit_value_utm_source SELECT website_id, visit_id, utm_source, count(*)::INTEGER, min(created_at), max(created_at) FROM utm_views
    WHERE utm_source IS NOT NULL AND utm_source <> '' GROUP BY website_id, visit_id, utm_source ORDER BY 5;
INSERT INTO visit_value_day SELECT website_id, 8::TINYINT, value, date_trunc('day', first_at), sum(views), count(*),
    count(*) FILTER (WHERE views = 1), sum((epoch_us(last_at) - epoch_us(first_at)) // 1000000)
    FROM visit_value_utm_source GROUP BY ALL;

CREATE TABLE session_value_utm_medium (
    website_id UUID      NOT NULL,
    session_id UUID      NOT NULL,
    value      VARCHAR,
    first_at   TIMESTAMP NOT NULL,  -- first view with this value, UTC
    last_at    TIMESTAMP NOT NULL   -- last view with this value
);
INSERT INTO session_value_utm_medium SELECT website_id, session_id, utm_medium, min(created_at), max(created_at) FROM utm_views
    WHERE utm_medium IS NOT NULL AND utm_medium <> '' GROUP BY website_id, session_id, utm_medium ORDER BY 4;
INSERT INTO session_value_day SELECT website_id, 9::TINYINT, value, date_trunc('day', first_at), count(*)
    FROM session_value_utm_medium GROUP BY ALL;

CREATE TABLE visit_value_utm_medium (
    website_id UUID NOT NULL,
    visit_id UUID NOT NULL,
    value VARCHAR,
    views INTEGER NOT NULL,
    first_at TIMESTAMP NOT NULL,
    last_at TIMESTAMP NOT NULL
);
INSERT INTO visit_value_utm_medium SELECT website_id, visit_id, utm_medium, count(*)::INTEGER, min(created_at), max(created_at) FROM utm_views
    WHERE utm_medium IS NOT NULL AND utm_medium <> '' GROUP BY website_id, visit_id, utm_medium ORDER BY 5;
INSERT INTO visit_value_day SELECT website_id, 9::TINYINT, value, date_trunc('day', first_at), sum(views), count(*),
    count(*) FILTER (WHERE views = 1), sum((epoch_us(last_at) - epoch_us(first_at)) // 1000000)
    FROM visit_value_utm_medium GROUP BY ALL;

CREATE TABLE session_value_utm_campaign (
    website_id UUID      NOT NULL,
    session_id UUID      NOT NULL,
    value      VARCHAR,
    first_at   TIMESTAMP NOT NULL,  -- first view with this value, UTC
    last_at    TIMESTAMP NOT NULL   -- last view with this value
);
INSERT INTO session_value_utm_campaign SELECT website_id, session_id, utm_campaign, min(created_at), max(created_at) FROM utm_views
    WHERE utm_campaign IS NOT NULL AND utm_campaign <> '' GROUP BY website_id, session_id, utm_campaign ORDER BY 4;
INSERT INTO session_value_day SELECT website_id, 10::TINYINT, value, date_trunc('day', first_at), count(*)
    FROM session_value_utm_campaign GROUP BY ALL;

CREATE TABLE visit_value_utm_campaign (
    website_id UUID NOT NULL,
    visit_id UUID NOT NULL,
    value VARCHAR,
    views INTEGER NOT NULL,
    first_at TIMESTAMP NOT NULL,
    last_at TIMESTAMP NOT NULL
);
INSERT INTO visit_value_utm_campaign SELECT website_id, visit_id, utm_campaign, count(*)::INTEGER, min(created_at), max(created_at) FROM utm_views
    WHERE utm_campaign IS NOT NULL AND utm_campaign <> '' GROUP BY website_id, visit_id, utm_campaign ORDER BY 5;
INSERT INTO visit_value_day SELECT website_id, 10::TINYINT, value, date_trunc('day', first_at), sum(views), count(*),
    count(*) FILTER (WHERE views = 1), sum((epoch_us(last_at) - epoch_us(first_at)) // 1000000)
    FROM visit_value_utm_campaign GROUP BY ALL;

CREATE TABLE session_value_utm_content (
    website_id UUID      NOT NULL,
    session_id UUID      NOT NULL,
    value      VARCHAR,
    first_at   TIMESTAMP NOT NULL,  -- first view with this value, UTC
    last_at    TIMESTAMP NOT NULL   -- last view with this value
);
INSERT INTO session_value_utm_content SELECT website_id, session_id, utm_content, min(created_at), max(created_at) FROM utm_views
    WHERE utm_content IS NOT NULL AND utm_content <> '' GROUP BY website_id, session_id, utm_content ORDER BY 4;
INSERT INTO session_value_day SELECT website_id, 11::TINYINT, value, date_trunc('day', first_at), count(*)
    FROM session_value_utm_content GROUP BY ALL;

CREATE TABLE visit_value_utm_content (
    website_id UUID NOT NULL,
    visit_id UUID NOT NULL,
    value VARCHAR,
    views INTEGER NOT NULL,
    first_at TIMESTAMP NOT NULL,
    last_at TIMESTAMP NOT NULL
);
INSERT INTO visit_value_utm_content SELECT website_id, visit_id, utm_content, count(*)::INTEGER, min(created_at), max(created_at) FROM utm_views
    WHERE utm_content IS NOT NULL AND utm_content <> '' GROUP BY website_id, visit_id, utm_content ORDER BY 5;
INSERT INTO visit_value_day SELECT website_id, 11::TINYINT, value, date_trunc('day', first_at), sum(views), count(*),
    count(*) FILTER (WHERE views = 1), sum((epoch_us(last_at) - epoch_us(first_at)) // 1000000)
    FROM visit_value_utm_content GROUP BY ALL;

CREATE TABLE session_value_utm_term (
    website_id UUID      NOT NULL,
    session_id UUID      NOT NULL,
    value      VARCHAR,
    first_at   TIMESTAMP NOT NULL,  -- first view with this value, UTC
    last_at    TIMESTAMP NOT NULL   -- last view with this value
);
INSERT INTO session_value_utm_term SELECT website_id, session_id, utm_term, min(created_at), max(created_at) FROM utm_views
    WHERE utm_term IS NOT NULL AND utm_term <> '' GROUP BY website_id, session_id, utm_term ORDER BY 4;
INSERT INTO session_value_day SELECT website_id, 12::TINYINT, value, date_trunc('day', first_at), count(*)
    FROM session_value_utm_term GROUP BY ALL;

CREATE TABLE visit_value_utm_term (
    website_id UUID NOT NULL,
    visit_id UUID NOT NULL,
    value VARCHAR,
    views INTEGER NOT NULL,
    first_at TIMESTAMP NOT NULL,
    last_at TIMESTAMP NOT NULL
);
INSERT INTO visit_value_utm_term SELECT website_id, visit_id, utm_term, count(*)::INTEGER, min(created_at), max(created_at) FROM utm_views
    WHERE utm_term IS NOT NULL AND utm_term <> '' GROUP BY website_id, visit_id, utm_term ORDER BY 5;
INSERT INTO visit_value_day SELECT website_id, 12::TINYINT, value, date_trunc('day', first_at), sum(views), count(*),
    count(*) FILTER (WHERE views = 1), sum((epoch_us(last_at) - epoch_us(first_at)) // 1000000)
    FROM visit_value_utm_term GROUP BY ALL;

DROP TABLE utm_views;
