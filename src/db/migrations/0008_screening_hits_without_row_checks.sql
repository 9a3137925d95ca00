-- 0008 screening hits and data-quality items are written set-based by the screening statements (SPEC §10), tens of
-- thousands of rows per rule in a county-wide run, every row taken in the same statement from the records, persons,
-- households, rules and run it names. A foreign key checks each inserted row with one lookup per reference, which
-- cost more than the whole rule in a 10M-person run (five lookups per hit). The references stay documented here and
-- are kept by construction: screening never deletes, the registry keeps persons and households, records and runs are
-- never deleted. The ledger itself (clues) keeps its foreign keys.
ALTER TABLE screening_hits
  DROP CONSTRAINT screening_hits_rule_code_fkey,
  DROP CONSTRAINT screening_hits_run_id_fkey,
  DROP CONSTRAINT screening_hits_record_id_fkey,
  DROP CONSTRAINT screening_hits_household_id_fkey,
  DROP CONSTRAINT screening_hits_person_id_fkey;
ALTER TABLE data_quality_items
  DROP CONSTRAINT data_quality_items_run_id_fkey,
  DROP CONSTRAINT data_quality_items_record_id_fkey,
  DROP CONSTRAINT data_quality_items_rule_code_fkey;
