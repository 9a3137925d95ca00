-- Issue 10: a clue answered by a procedure that concluded is closed as 并入程序 (merged_into_case) with a link to
-- the case, instead of going overdue.
ALTER TABLE clues DROP CONSTRAINT clues_result_check;
ALTER TABLE clues ADD CONSTRAINT clues_result_check
  CHECK (result IN ('no_risk', 'start_identification', 'start_elimination', 'household_change', 'merged_into_case'));
