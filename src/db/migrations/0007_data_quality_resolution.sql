-- 0007 data-quality items are worked off (SPEC §10, §17 "listed per region as problems to fix"): who resolved an item
-- and how — a person entered in the registry (found by the next routine run), or a note from the department or the
-- county ("not a resident of this county", "ID number corrected by the department").
ALTER TABLE data_quality_items ADD COLUMN resolved_by text, ADD COLUMN resolution text;
