-- Footfall schema, version 22: channels follow real Umami 3.1's last rule, any other external referrer is
-- referral. The channel rows of the value rollups and their day sums were classified by the older rules:
-- emptied here, rebuilt from the folded events at start (Rollups.fillIfNew).

DELETE FROM session_value_channel;
DELETE FROM visit_value_channel;
DELETE FROM session_value_day WHERE kind = 7;
DELETE FROM visit_value_day WHERE kind = 7;
