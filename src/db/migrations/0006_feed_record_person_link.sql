-- 0006 the person and household of each department record, kept as links (SPEC §10 "matched to persons by the keyed
-- hash of the ID number"). The match is still made by id_number_hash, but once, when either side is written, instead of
-- by joining every record to every person at each screening run (in a 10M-person registry that join was the largest
-- part of a full run). The links point at the person with the record's hash anywhere in the registry and at that
-- person's household; a rule still checks the household's region against its scope, so "not in the registry" and
-- "not in this region" keep their meaning.
--
-- Written by: the importer (at insert, by index lookup), and the triggers below when persons are created, deleted,
-- moved to another household or their ID number is corrected. Nothing else writes person_id or household_id.

ALTER TABLE feed_records ADD COLUMN person_id uuid, ADD COLUMN household_id uuid;

UPDATE feed_records r SET person_id = p.id, household_id = p.household_id
  FROM persons p WHERE p.id_number_hash = r.id_number_hash;

-- New persons (one statement may insert a whole generated county): link the records that carry their hash.
CREATE FUNCTION feed_records_link_new_persons() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE feed_records r SET person_id = n.id, household_id = n.household_id
    FROM new_persons n
    WHERE r.id_number_hash = n.id_number_hash
      AND (r.person_id IS DISTINCT FROM n.id OR r.household_id IS DISTINCT FROM n.household_id);
  RETURN NULL;
END $$;
CREATE TRIGGER persons_link_feed_records AFTER INSERT ON persons
  REFERENCING NEW TABLE AS new_persons FOR EACH STATEMENT EXECUTE FUNCTION feed_records_link_new_persons();

-- A corrected ID number, or a person moved to another household (SPEC §5 splits and merges).
CREATE FUNCTION feed_records_relink_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.id_number_hash IS DISTINCT FROM NEW.id_number_hash THEN
    UPDATE feed_records SET person_id = NULL, household_id = NULL
      WHERE id_number_hash = OLD.id_number_hash AND person_id = OLD.id;
  END IF;
  UPDATE feed_records SET person_id = NEW.id, household_id = NEW.household_id
    WHERE id_number_hash = NEW.id_number_hash;
  RETURN NULL;
END $$;
CREATE TRIGGER persons_relink_feed_records AFTER UPDATE OF id_number_hash, household_id ON persons
  FOR EACH ROW WHEN (OLD.id_number_hash IS DISTINCT FROM NEW.id_number_hash
                     OR OLD.household_id IS DISTINCT FROM NEW.household_id)
  EXECUTE FUNCTION feed_records_relink_person();

-- A removed person (the registry keeps persons, but a mistaken entry may be deleted before anything refers to it).
CREATE FUNCTION feed_records_unlink_deleted_persons() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE feed_records r SET person_id = NULL, household_id = NULL
    FROM old_persons o
    WHERE r.id_number_hash = o.id_number_hash AND r.person_id = o.id;
  RETURN NULL;
END $$;
CREATE TRIGGER persons_unlink_feed_records AFTER DELETE ON persons
  REFERENCING OLD TABLE AS old_persons FOR EACH STATEMENT EXECUTE FUNCTION feed_records_unlink_deleted_persons();
