-- 0211 a project's benefit counted as an assistance measure (SPEC §13 item 5, issue 15): the beneficiary row keeps
-- the measure it was recorded as, in the same transaction, so the household file and the project show the link.
ALTER TABLE project_beneficiaries ADD COLUMN measure_id uuid REFERENCES measures (id);
