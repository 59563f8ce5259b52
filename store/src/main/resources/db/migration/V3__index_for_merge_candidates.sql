-- unrest store, schema version 3: finding the stored events a new report may share (same day, event type and
-- country) is one index lookup instead of a scan of every event of that type.
CREATE INDEX ix_events_day_type_country ON events (event_date, event_type, country);
