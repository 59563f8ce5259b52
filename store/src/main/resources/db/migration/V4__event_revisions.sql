-- unrest store, schema version 4: a revision counter for events, so that an in-memory copy of the filter and
-- aggregate columns (EventColumns) can stay exact with one-row reads and re-read only the events that changed.
-- Every transaction that writes events (ingest, merge into stored events, review changes, derived-column refills)
-- first adds 1 to store_revision.n and stamps the events it writes with the new value in events.rev. The row lock on
-- store_revision is held until commit, so revisions commit in order: once n = R is visible, every event with
-- rev <= R is committed. Readers in any process see a write at their next read of n.
CREATE TABLE store_revision (
    id INTEGER NOT NULL,
    n  BIGINT  NOT NULL,
    CONSTRAINT pk_store_revision PRIMARY KEY (id)
);
INSERT INTO store_revision (id, n) VALUES (1, 1);

ALTER TABLE events ADD COLUMN rev BIGINT DEFAULT 0 NOT NULL;
CREATE INDEX ix_events_rev ON events (rev);
