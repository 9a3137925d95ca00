-- Figures without counting on every request (issue 18 point 2, docs/decisions/0032): per village, the households and
-- their living members (persons with status 'normal') by monitoring status, category and lifted-out flag, maintained
-- by statement-level triggers in the same transaction as every change to households or persons. Every "X户Y人" of a
-- region is a sum over its villages' rows instead of a count over a county's million persons. Statement triggers
-- with transition tables add one aggregate per statement, so a generator COPY of 5,000 households pays one upsert
-- per village and bucket, not one per row.
CREATE TABLE region_household_totals (
  region_code       text NOT NULL,
  monitoring_status text NOT NULL,
  -- '' for households without a category (a key column cannot be NULL).
  category          text NOT NULL DEFAULT '',
  lifted_out        boolean NOT NULL,
  households        bigint NOT NULL DEFAULT 0,
  persons           bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (region_code, monitoring_status, category, lifted_out)
);
CREATE INDEX region_household_totals_region_idx ON region_household_totals (region_code text_pattern_ops);

-- Adds signed deltas (one row per household or person change) into the totals.
CREATE FUNCTION region_household_totals_add(deltas jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO region_household_totals AS t (region_code, monitoring_status, category, lifted_out, households, persons)
  SELECT d.region_code, d.monitoring_status, coalesce(d.category, ''), d.lifted_out, sum(d.households), sum(d.persons)
    FROM jsonb_to_recordset(deltas)
      AS d(region_code text, monitoring_status text, category text, lifted_out boolean, households bigint, persons bigint)
   GROUP BY 1, 2, 3, 4
  HAVING sum(d.households) <> 0 OR sum(d.persons) <> 0
  ON CONFLICT (region_code, monitoring_status, category, lifted_out)
  DO UPDATE SET households = t.households + excluded.households, persons = t.persons + excluded.persons
$$;

CREATE FUNCTION households_totals_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A new household has no members yet (persons reference it), so it adds one household and no persons.
  INSERT INTO region_household_totals AS t (region_code, monitoring_status, category, lifted_out, households, persons)
  SELECT n.region_code, n.monitoring_status, coalesce(n.category, ''), n.lifted_out, count(*), 0
    FROM new_rows n GROUP BY 1, 2, 3, 4
  ON CONFLICT (region_code, monitoring_status, category, lifted_out)
  DO UPDATE SET households = t.households + excluded.households;
  RETURN NULL;
END $$;

CREATE FUNCTION households_totals_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE deltas jsonb;
BEGIN
  WITH moved AS (
    SELECT o.region_code AS o_region, o.monitoring_status AS o_status, o.category AS o_category,
           o.lifted_out AS o_lifted, n.region_code AS n_region, n.monitoring_status AS n_status,
           n.category AS n_category, n.lifted_out AS n_lifted,
           (SELECT count(*) FROM persons p WHERE p.household_id = n.id AND p.status = 'normal') AS members
      FROM old_rows o JOIN new_rows n ON n.id = o.id
     WHERE (o.region_code, o.monitoring_status, coalesce(o.category, ''), o.lifted_out)
           IS DISTINCT FROM (n.region_code, n.monitoring_status, coalesce(n.category, ''), n.lifted_out)
  )
  SELECT jsonb_agg(d) INTO deltas FROM (
    SELECT o_region AS region_code, o_status AS monitoring_status, o_category AS category, o_lifted AS lifted_out,
           -1 AS households, -members AS persons FROM moved
    UNION ALL
    SELECT n_region, n_status, n_category, n_lifted, 1, members FROM moved
  ) d;
  IF deltas IS NOT NULL THEN PERFORM region_household_totals_add(deltas); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION households_totals_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE deltas jsonb;
BEGIN
  -- Members are deleted first (they reference the household) and leave the totals on their own.
  SELECT jsonb_agg(d) INTO deltas FROM (
    SELECT o.region_code, o.monitoring_status, o.category, o.lifted_out, -1 AS households, 0 AS persons
      FROM old_rows o
  ) d;
  IF deltas IS NOT NULL THEN PERFORM region_household_totals_add(deltas); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION persons_totals_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO region_household_totals AS t (region_code, monitoring_status, category, lifted_out, households, persons)
  SELECT h.region_code, h.monitoring_status, coalesce(h.category, ''), h.lifted_out, 0, count(*)
    FROM new_rows n JOIN households h ON h.id = n.household_id
   WHERE n.status = 'normal'
   GROUP BY 1, 2, 3, 4
  ON CONFLICT (region_code, monitoring_status, category, lifted_out)
  DO UPDATE SET persons = t.persons + excluded.persons;
  RETURN NULL;
END $$;

CREATE FUNCTION persons_totals_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE deltas jsonb;
BEGIN
  WITH changed AS (
    SELECT o.household_id AS o_household, o.status = 'normal' AS o_counted,
           n.household_id AS n_household, n.status = 'normal' AS n_counted
      FROM old_rows o JOIN new_rows n ON n.id = o.id
     WHERE o.household_id <> n.household_id OR (o.status = 'normal') <> (n.status = 'normal')
  )
  SELECT jsonb_agg(d) INTO deltas FROM (
    SELECT h.region_code, h.monitoring_status, h.category, h.lifted_out, 0 AS households, -1 AS persons
      FROM changed c JOIN households h ON h.id = c.o_household WHERE c.o_counted
    UNION ALL
    SELECT h.region_code, h.monitoring_status, h.category, h.lifted_out, 0, 1
      FROM changed c JOIN households h ON h.id = c.n_household WHERE c.n_counted
  ) d;
  IF deltas IS NOT NULL THEN PERFORM region_household_totals_add(deltas); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION persons_totals_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE deltas jsonb;
BEGIN
  SELECT jsonb_agg(d) INTO deltas FROM (
    SELECT h.region_code, h.monitoring_status, h.category, h.lifted_out, 0 AS households, -1 AS persons
      FROM old_rows o JOIN households h ON h.id = o.household_id WHERE o.status = 'normal'
  ) d;
  IF deltas IS NOT NULL THEN PERFORM region_household_totals_add(deltas); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER households_totals_insert AFTER INSERT ON households
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION households_totals_insert();
CREATE TRIGGER households_totals_update AFTER UPDATE ON households
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION households_totals_update();
CREATE TRIGGER households_totals_delete AFTER DELETE ON households
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION households_totals_delete();
CREATE TRIGGER persons_totals_insert AFTER INSERT ON persons
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION persons_totals_insert();
CREATE TRIGGER persons_totals_update AFTER UPDATE ON persons
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION persons_totals_update();
CREATE TRIGGER persons_totals_delete AFTER DELETE ON persons
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION persons_totals_delete();

-- Rebuilds the totals from the rows (after a restore from an older dump, or to prove them in a test).
CREATE FUNCTION region_household_totals_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM region_household_totals;
  INSERT INTO region_household_totals (region_code, monitoring_status, category, lifted_out, households, persons)
  SELECT h.region_code, h.monitoring_status, coalesce(h.category, ''), h.lifted_out, count(*),
         coalesce(sum((SELECT count(*) FROM persons p WHERE p.household_id = h.id AND p.status = 'normal')), 0)
    FROM households h GROUP BY 1, 2, 3, 4;
$$;
SELECT region_household_totals_rebuild();
