-- Footfall schema, version 23: a URL without a query string stores an empty query, as Umami does, so
-- `query=neq.x` keeps those rows; a referrer without one likewise. Older rows held NULL. The rollups read
-- the query through nullif(url_query, ''), so their NULL values stay what they were and need no rebuild.

UPDATE event SET url_query = '' WHERE url_query IS NULL;

UPDATE event SET referrer_query = '' WHERE referrer_query IS NULL AND referrer_path IS NOT NULL;
