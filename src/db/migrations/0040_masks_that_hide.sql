-- 0040 masks that hide (SPEC §17; docs/decisions/0014-masks-that-hide.md). The stored masked ID number kept the
-- first 6 and last 4 digits and persons.birth_date held digits 7–14 in plain text beside it: together they rebuilt the
-- number. The mask now keeps the first 6 and last 2 characters, and persons keep only the birth year in plain text
-- (the full birth date is read from the encrypted ID number by the roles that may reveal it).

ALTER TABLE persons ADD COLUMN birth_year smallint;
UPDATE persons SET birth_year = extract(year FROM birth_date)::smallint,
                   id_number_masked = CASE WHEN length(id_number_masked) <= 8 THEN repeat('*', length(id_number_masked)) ELSE left(id_number_masked, 6) || repeat('*', length(id_number_masked) - 8) || right(id_number_masked, 2) END;
ALTER TABLE persons ALTER COLUMN birth_year SET NOT NULL;
ALTER TABLE persons DROP COLUMN birth_date;

UPDATE declarations SET id_number_masked = CASE WHEN length(id_number_masked) <= 8 THEN repeat('*', length(id_number_masked)) ELSE left(id_number_masked, 6) || repeat('*', length(id_number_masked) - 8) || right(id_number_masked, 2) END;
UPDATE feed_records SET id_number_masked = CASE WHEN length(id_number_masked) <= 8 THEN repeat('*', length(id_number_masked)) ELSE left(id_number_masked, 6) || repeat('*', length(id_number_masked) - 8) || right(id_number_masked, 2) END WHERE id_number_masked IS NOT NULL;
UPDATE data_quality_items SET id_number_masked = CASE WHEN length(id_number_masked) <= 8 THEN repeat('*', length(id_number_masked)) ELSE left(id_number_masked, 6) || repeat('*', length(id_number_masked) - 8) || right(id_number_masked, 2) END WHERE id_number_masked IS NOT NULL;

-- Problems found by earlier cleaning runs carried the birth date and the old mask in their details.
UPDATE cleaning_problems
SET details = (details - 'birthDate' - 'headBirthDate')
  || CASE WHEN details ? 'birthDate' THEN jsonb_build_object('birthYear', left(details ->> 'birthDate', 4)::int) ELSE '{}'::jsonb END
  || CASE WHEN details ? 'headBirthDate' THEN jsonb_build_object('headBirthYear', left(details ->> 'headBirthDate', 4)::int) ELSE '{}'::jsonb END
  || CASE WHEN length(details ->> 'idNumberMasked') > 8 THEN jsonb_build_object('idNumberMasked',
       left(details ->> 'idNumberMasked', 6) || repeat('*', length(details ->> 'idNumberMasked') - 8) || right(details ->> 'idNumberMasked', 2))
     ELSE '{}'::jsonb END
WHERE details ?| array['birthDate', 'headBirthDate', 'idNumberMasked'];

-- Self-declarations wrote the old mask into the clue's finding text.
UPDATE clues SET finding = regexp_replace(finding, '([0-9]{6})\*{8}[0-9]{2}([0-9][0-9Xx])', '\1**********\2', 'g')
WHERE finding LIKE '%********%';
