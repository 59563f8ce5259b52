-- unrest store, schema version 6: besides the reports that mention a region, a publisher's counts keep the sum of
-- the region's weights in them (a report that names a state itself, "Tennessee", counts twice for it: a local paper
-- names its own state) and how often its reports write the region's own name (to break ties). The rule that uses
-- them is PublisherHomes.homeOf in the service. Existing rows weigh 1 per report, as they were counted.
ALTER TABLE publisher_regions ADD COLUMN weight BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE publisher_regions ADD COLUMN named BIGINT DEFAULT 0 NOT NULL;
UPDATE publisher_regions SET weight = reports;
