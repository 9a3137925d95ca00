-- 0020 the household picture (SPEC §7.4): every decision reads the department records of one household, found by the
-- record ↔ household link of 0006. Until now only screening read the links (set-wise, by department and kind); the
-- picture reads them per household, so the link gets its own index (a 1M-person registry holds millions of records).
CREATE INDEX feed_records_household_idx ON feed_records (household_id) WHERE household_id IS NOT NULL;
