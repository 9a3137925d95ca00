-- 0011 department records that match no person (SPEC §10: they become data-quality items, not lost records) are a
-- small share of each kind; a routine run reads them through this partial index instead of every record of the kind.
CREATE INDEX feed_records_unlinked_idx ON feed_records (department, record_kind) WHERE household_id IS NULL;
