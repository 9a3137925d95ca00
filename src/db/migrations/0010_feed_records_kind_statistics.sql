-- 0010 the planner's estimate of one kind of department record (SPEC §10). Department and record kind are dependent
-- (a record kind belongs to one department), so PostgreSQL's default guess — the two selectivities multiplied — is
-- 5–30 times too low, and a rule over a whole county was planned as row-by-row lookups. Extended statistics give it
-- the real share of each (department, record kind) pair.
CREATE STATISTICS feed_records_kind_stats (dependencies, mcv) ON department, record_kind FROM feed_records;
