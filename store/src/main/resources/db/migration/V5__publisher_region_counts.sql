-- unrest store, schema version 5: what each publisher writes about, so that ingest can learn a local outlet's home
-- region from its own reports (service: PublisherHomes holds the rule; the store only keeps the counts).
-- `publisher` is the publisher's key (PublisherHomes.key: a URL's host without "www.", else the name lower-cased).
-- Counts are added in the transaction that stores the report, so a report counts once: a duplicate text adds
-- neither a report nor a count. Reports stored before version 5 are not counted.

-- How many reports of each publisher have been counted.
CREATE TABLE publisher_reports (
    publisher VARCHAR NOT NULL,
    reports   BIGINT  NOT NULL,
    CONSTRAINT pk_publisher_reports PRIMARY KEY (publisher)
);

-- Of those, how many mention each first-level region (ISO country code, region's English name as the place
-- resolver reports it in Location.admin1); a report counts at most once per region.
CREATE TABLE publisher_regions (
    publisher VARCHAR NOT NULL,
    country   VARCHAR NOT NULL,
    admin1    VARCHAR NOT NULL,
    reports   BIGINT  NOT NULL,
    CONSTRAINT pk_publisher_regions PRIMARY KEY (publisher, country, admin1),
    CONSTRAINT fk_publisher_regions_publisher FOREIGN KEY (publisher) REFERENCES publisher_reports (publisher)
);
