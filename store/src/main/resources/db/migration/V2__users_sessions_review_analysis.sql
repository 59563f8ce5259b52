-- unrest store, schema version 2: accounts and sessions for the web app, a note on each history entry, and
-- copies of the event fields the web app filters and aggregates on. Portable SQL (H2 2.x and PostgreSQL 15).

-- People who may log in. `password_hash` is a salted BCrypt hash (Spring Security Crypto), never the password.
-- `role` is one of viewer, coder, reviewer, admin.
CREATE TABLE users (
    name          VARCHAR   NOT NULL,
    password_hash VARCHAR   NOT NULL,
    role          VARCHAR   NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    CONSTRAINT pk_users PRIMARY KEY (name)
);

-- Server-side sessions. The browser holds a random token; only its SHA-256 is stored, so a copy of the
-- database gives no one a session. `csrf_token` must come back with every write made in the session.
CREATE TABLE sessions (
    token_hash VARCHAR(64) NOT NULL,
    user_name  VARCHAR     NOT NULL,
    csrf_token VARCHAR     NOT NULL,
    created_at TIMESTAMP   NOT NULL,
    expires_at TIMESTAMP   NOT NULL,
    CONSTRAINT pk_sessions PRIMARY KEY (token_hash),
    CONSTRAINT fk_sessions_user FOREIGN KEY (user_name) REFERENCES users (name) ON DELETE CASCADE
);

CREATE INDEX ix_sessions_user ON sessions (user_name);

-- Why a change was made, or what it relates to ("merged into ev-2", "split from ev-1").
ALTER TABLE event_history ADD COLUMN note TEXT;

-- Copies of payload fields for filters and analysis views. Lists are kept as '|a|b|' so that
-- "contains b" is LIKE '%|b|%' on both databases. `derived` is the version of these copies:
-- rows written before version 2 have NULL and are filled in by the store when it opens.
ALTER TABLE events ADD COLUMN place VARCHAR;
ALTER TABLE events ADD COLUMN forms VARCHAR;
ALTER TABLE events ADD COLUMN actor1_name VARCHAR;
ALTER TABLE events ADD COLUMN actor1_type VARCHAR;
ALTER TABLE events ADD COLUMN actor2_name VARCHAR;
ALTER TABLE events ADD COLUMN actor2_type VARCHAR;
ALTER TABLE events ADD COLUMN demand_groups VARCHAR;
ALTER TABLE events ADD COLUMN fatalities INTEGER;
ALTER TABLE events ADD COLUMN arrests BIGINT;
ALTER TABLE events ADD COLUMN derived INTEGER;

CREATE INDEX ix_events_review_state ON events (review_state);
CREATE INDEX ix_events_confidence ON events (confidence);
